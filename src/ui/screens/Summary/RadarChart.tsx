/**
 * The radar, drawn by src/ui/charts/radar.ts which is fetched with import() only when this
 * screen shows it. If the chunk cannot load (offline before it was ever cached) the score
 * table above still says everything.
 */
import type { RadarInput } from '../../charts/radar';
import { useLazyChart } from '../../charts/use-lazy-chart';

interface Props {
  input: RadarInput;
  ariaLabel: string;
  caption: string;
}

const loadRadar = () => import('../../charts/radar').then((m) => m.drawRadar);

export function RadarChart({ input, ariaLabel, caption }: Props) {
  const { canvas, failed } = useLazyChart(loadRadar, input);
  if (failed) return null;
  return (
    <figure class="radar">
      <div class="radar-box">
        <canvas ref={canvas} role="img" aria-label={ariaLabel} />
      </div>
      <figcaption>{caption}</figcaption>
    </figure>
  );
}

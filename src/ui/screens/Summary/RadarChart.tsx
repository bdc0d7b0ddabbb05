/**
 * The radar, drawn by src/ui/charts/radar.ts which is fetched with import() only when this
 * screen shows it. If the chunk cannot load (offline before it was ever cached) the score
 * table above still says everything.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { RadarHandle, RadarInput } from '../../charts/radar';

interface Props {
  input: RadarInput;
  ariaLabel: string;
  caption: string;
}

export function RadarChart({ input, ariaLabel, caption }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const handle = useRef<RadarHandle | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const latest = useRef(input);
  latest.current = input;

  useEffect(() => {
    let live = true;
    import('../../charts/radar').then(
      ({ drawRadar }) => {
        if (live && canvas.current) handle.current = drawRadar(canvas.current, latest.current);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      handle.current?.destroy();
      handle.current = undefined;
    };
  }, []);

  useEffect(() => {
    handle.current?.update(input);
  }, [input]);

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

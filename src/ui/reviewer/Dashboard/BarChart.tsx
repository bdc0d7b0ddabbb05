import { useLazyChart } from '../../charts/use-lazy-chart';
import type { BarInput } from './charts';

const loadBars = () => import('./charts').then((m) => m.drawBars);

/**
 * One bar chart, drawn once Chart.js has been fetched. Decorative for assistive technology
 * (a short label); the table that follows it carries the numbers. If the chunk fails, nothing
 * is drawn and the table still says everything.
 */
export function BarChart({ input, label }: { input: BarInput; label: string }) {
  const { canvas, failed } = useLazyChart(loadBars, input);
  if (failed) return null;
  return (
    <div class="rv-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

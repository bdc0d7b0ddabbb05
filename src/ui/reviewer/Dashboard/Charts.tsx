import { useEffect, useRef, useState } from 'preact/hooks';
import type { BarHandle, BarInput } from './charts';

/**
 * One bar chart, drawn once Chart.js has been fetched. Decorative for assistive technology
 * (a short label); the table that follows it carries the numbers. If the chunk fails, nothing
 * is drawn and the table still says everything.
 */
export function BarChart({ input, label }: { input: BarInput; label: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const handle = useRef<BarHandle | undefined>(undefined);
  const latest = useRef(input);
  latest.current = input;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    import('./charts').then(
      ({ drawBars }) => {
        if (live && canvas.current) handle.current = drawBars(canvas.current, latest.current);
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
    <div class="rv-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}

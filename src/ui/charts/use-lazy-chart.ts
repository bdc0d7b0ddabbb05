/**
 * Draws a Chart.js chart on a canvas once its chunk has been fetched with import(), keeps it in
 * step with its input, and destroys it on unmount. Shared by the summary's radar and the
 * reviewer's bar charts, so Chart.js never weighs on a screen that does not draw. If the chunk
 * cannot load (offline before it was ever cached) `failed` turns true and the caller draws
 * nothing: the table beside every chart carries the same numbers.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';

export interface ChartHandle<I> {
  update(input: I): void;
  destroy(): void;
}

export type LoadDraw<I> = () => Promise<(canvas: HTMLCanvasElement, input: I) => ChartHandle<I>>;

export function useLazyChart<I>(load: LoadDraw<I>, input: I): { canvas: Ref<HTMLCanvasElement>; failed: boolean } {
  const canvas = useRef<HTMLCanvasElement>(null);
  const handle = useRef<ChartHandle<I> | undefined>(undefined);
  const latest = useRef(input);
  latest.current = input;
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    load().then(
      (draw) => {
        if (live && canvas.current) handle.current = draw(canvas.current, latest.current);
      },
      () => live && setFailed(true),
    );
    return () => {
      live = false;
      handle.current?.destroy();
      handle.current = undefined;
    };
    // The loader is fixed for a chart's life; only the input changes (next effect).
  }, []);

  useEffect(() => {
    handle.current?.update(input);
  }, [input]);

  return { canvas, failed };
}

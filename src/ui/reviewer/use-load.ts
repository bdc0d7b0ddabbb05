/**
 * Loading one thing from the API for a screen: the state, the error, and a reload. A newer
 * load (or leaving the screen) aborts the older one, so a slow answer never overwrites a fresh one.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type LoadState<T> =
  { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: unknown; data?: T };

export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): [LoadState<T>, () => void] {
  const [state, setState] = useState<LoadState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ status: 'loading', data: s.data }));
    loadRef.current(ctrl.signal).then(
      (data) => {
        if (!ctrl.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (!ctrl.signal.aborted) setState((s) => ({ status: 'error', error, data: s.data }));
      },
    );
    return () => ctrl.abort();
    // The caller lists what the load depends on (the load function itself changes every render).
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}

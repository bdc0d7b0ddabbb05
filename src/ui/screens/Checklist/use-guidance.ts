/**
 * The component guidance (data/catalogue/2026.1/guidance.json, its own lazy chunk, precached by
 * the service worker), loaded when the checklist opens. Its loader lives here rather than in
 * src/data/load.ts so that the first screen's entry chunk does not grow by a byte for it.
 * `undefined` while loading; `null` when it could not load: the cards then show no "Hướng dẫn"
 * and everything else works. A failed load is forgotten, so the next checklist tries again.
 */
import { useEffect, useState } from 'preact/hooks';
import type { ComponentGuidance } from '../../../domain/guidance';

let loading: Promise<ComponentGuidance> | undefined;

export function loadComponentGuidance(): Promise<ComponentGuidance> {
  loading ??= import('../../../../data/catalogue/2026.1/guidance.json').then(
    // Checked against ComponentGuidanceSchema by test/data/guidance.test.ts: a cast is enough here.
    (m) => m.default as unknown as ComponentGuidance,
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

export function useComponentGuidance(): ComponentGuidance | null | undefined {
  const [guidance, setGuidance] = useState<ComponentGuidance | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    loadComponentGuidance().then(
      (g) => live && setGuidance(g),
      () => live && setGuidance(null),
    );
    return () => {
      live = false;
    };
  }, []);
  return guidance;
}

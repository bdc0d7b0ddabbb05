/**
 * Page side of the service worker (src/sw/sw.ts), through workbox-window.
 * - Registers the worker in production builds only (no worker in dev: see vite.config.ts).
 * - First install: "ready to work offline", shown once per device ('offlineReadyShown').
 * - A new version waiting: "update available". It is applied only when the user presses
 *   "Cập nhật"; the page reloads when the new worker takes control, never silently.
 *   A reload loses nothing: the checklist shows "Đã lưu" only after the IndexedDB transaction
 *   has committed (src/db saveAnswer), so every answer the user saw saved is on disk.
 * The App reads the state through useSwState(). workbox-window is fetched after first paint.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Workbox } from 'workbox-window';
import { getSetting, setSetting } from '../../db';

export interface SwState {
  /** Show "Sẵn sàng dùng ngoại tuyến". */
  offlineReady: boolean;
  /** 'waiting': a new version can be applied; 'activated': another tab applied it, reload. */
  update: 'none' | 'waiting' | 'activated';
  /** The user pressed "Cập nhật"; waiting for the new worker to take control. */
  updating: boolean;
}

let state: SwState = { offlineReady: false, update: 'none', updating: false };
const listeners = new Set<(s: SwState) => void>();
let wb: Workbox | undefined;

function set(patch: Partial<SwState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l(state);
}

export function subscribeSw(listener: (s: SwState) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSwState(): SwState {
  const [s, setS] = useState(state);
  useEffect(() => {
    setS(state);
    return subscribeSw(setS);
  }, []);
  return s;
}

export function dismissOfflineReady(): void {
  set({ offlineReady: false });
}

/** The user accepted the update: activate the waiting worker; reload once it controls the page. */
export function applyUpdate(): void {
  if (state.update === 'activated' || !wb) {
    location.reload();
    return;
  }
  set({ updating: true });
  wb.messageSkipWaiting();
}

const HOUR = 60 * 60 * 1000;

/** The worker keeps only its build's optional-area files of these (src/sw/sw.ts cacheLoaded). */
function postLoadedAreas(): void {
  const urls = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((url) => url.includes('/assets/'));
  if (urls.length > 0) navigator.serviceWorker.controller?.postMessage({ type: 'CACHE_LOADED', urls });
}

export async function registerServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const w = new Workbox('./sw.js');
  wb = w;
  // workbox-window's `isUpdate` means "a worker controlled the page when register() ran"; a first
  // visit that later receives an update must still reload on accept, so we track it ourselves.
  let hadController = navigator.serviceWorker.controller !== null;

  w.addEventListener('waiting', () => set({ update: 'waiting' }));
  w.addEventListener('controlling', () => {
    if (state.updating) location.reload();
    else if (hadController) set({ update: 'activated' }); // applied from another tab: offer, never force
    // The first install claiming the page needs no reload; what the page loaded of optional areas
    // before it (English, the team screens) went past the worker: ask it to keep them offline.
    if (!hadController) postLoadedAreas();
    hadController = true;
  });
  w.addEventListener('activated', (event) => {
    if (event.isUpdate || event.isExternal) return;
    void (async () => {
      if ((await getSetting('offlineReadyShown')) === true) return;
      set({ offlineReady: true });
      await setSetting('offlineReadyShown', true);
    })().catch(() => undefined);
  });

  const reg = await w.register();
  // workbox-window stops watching after the first update it did not start itself; a phone may keep
  // the app open for days, so watch the registration directly as well.
  reg?.addEventListener('updatefound', () => {
    const installing = reg.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && reg.active) set({ update: 'waiting' });
    });
  });
  setInterval(() => {
    if (navigator.onLine) void w.update().catch(() => undefined);
  }, HOUR);
}

/**
 * The Vietnamese strings of every screen but the home screen (locales/vi/<ns>.json: assess,
 * criteria, settings, summary, sync…) are not in the first bundle: each namespace is its own small
 * chunk, precached by the service worker at install like any other chunk, so it works with no
 * signal. `ensureScreenStrings()` registers them all before a lazy screen renders (src/ui/App/
 * lazy-screen.tsx), so no screen ever shows a raw key.
 *
 * All of them at once, not a list per screen: a screen's strings come from many shared components
 * (the sync panels, the criteria cards…), and a list kept by hand would miss one sooner or later;
 * together they are about 10 KB gzip, fetched once (from the worker's cache after install).
 * English is loaded by ./language.ts.
 */
import { i18n, namespaceOf } from './i18n';

type Bundle = Record<string, unknown>;

// Globs must be literals. The reviewer's, the evidence panel's and the team screens' strings come with
// their own chunks (src/ui/reviewer/strings.ts, src/ui/evidence/strings.ts, src/ui/screens/Team/strings.ts); common, home and sync-state are in the first
// bundle (./i18n.ts).
const viFiles = import.meta.glob<Bundle>(
  [
    '../../locales/vi/*.json',
    '!../../locales/vi/common.json',
    '!../../locales/vi/home.json',
    '!../../locales/vi/sync-state.json',
    '!../../locales/vi/reviewer.json',
    '!../../locales/vi/evidence.json',
    '!../../locales/vi/team.json',
  ],
  { import: 'default' },
);

/** "sync", "assess"…: the namespaces loaded here. */
export const SCREEN_NAMESPACES: readonly string[] = Object.keys(viFiles).map(namespaceOf);

let loading: Promise<void> | undefined;

/**
 * Resolves once every screen namespace is registered in Vietnamese (the source language and every
 * other language's fallback). Rejects when a chunk cannot be fetched (offline before the worker
 * installed); the next call tries again.
 */
export function ensureScreenStrings(): Promise<void> {
  loading ??= Promise.all(
    Object.entries(viFiles).map(async ([path, load]) => {
      i18n.addResourceBundle('vi', namespaceOf(path), await load(), true, true);
    }),
  ).then(
    () => undefined,
    (err: unknown) => {
      loading = undefined;
      throw err;
    },
  );
  return loading;
}

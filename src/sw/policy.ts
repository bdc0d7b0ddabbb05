/**
 * The service worker's caching policy as pure functions, so that it can be unit-tested
 * without a worker (test/sw/policy.test.ts). sw.ts wires these to the real events.
 */

export interface ManifestEntry {
  url: string;
  revision: string | null;
}

/**
 * How one request is answered.
 * - `network`: not ours to touch (API, other origins, non-GET): the browser handles it.
 * - `shell`: a page navigation: answered with the precached index.html (the app routes by hash).
 * - `precache`: a precached asset: cache first.
 * - `runtime`: any other same-origin GET (e.g. a language chunk): cache, else network and keep.
 */
export type Strategy = 'network' | 'shell' | 'precache' | 'runtime';

/**
 * Optional areas, cached on first use only (vite.config.ts names their chunks):
 * a language other than Vietnamese (assets/lang/<lang>/…), the reviewer area (assets/reviewer/…),
 * which commune phones never open, and code that only runs with a connection to the server
 * (assets/online/…: the evidence uploader's tus client), fetched from that server when needed,
 * and a community team phone's screens (assets/team/…, issue #15), which officers' phones never open.
 */
export const LANG_CHUNK = /\/assets\/(?:lang\/([a-z]{2,3})|(reviewer|online|team))\//;

export interface RequestLike {
  method: string;
  mode: string;
  url: string;
}

export interface PolicyContext {
  /** The worker's scope, e.g. "https://host/" or "https://host/app/". */
  scope: string;
  /** Absolute URLs (no search, no hash) precached at install. */
  precached: ReadonlySet<string>;
}

export function strategyFor(req: RequestLike, ctx: PolicyContext): Strategy {
  if (req.method !== 'GET') return 'network';
  const url = new URL(req.url);
  const scope = new URL(ctx.scope);
  if (url.origin !== scope.origin) return 'network';
  // The sync API is always live; a cached answer there would lie about the server's state.
  if (url.pathname.startsWith(`${scope.pathname}api/`) || url.pathname.startsWith('/api/')) return 'network';
  if (req.mode === 'navigate') return 'shell';
  if (ctx.precached.has(url.origin + url.pathname)) return 'precache';
  return 'runtime';
}

/** Which optional area ('en', 'reviewer', …) a URL belongs to, if any. */
export function langOfUrl(url: string): string | undefined {
  const m = LANG_CHUNK.exec(new URL(url).pathname);
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * Splits the build manifest: what to fetch at install, and what waits until first use.
 * `langsInUse` are languages the previous version had already cached: an update fetches
 * them again so that a user who reads English keeps English offline after updating.
 */
export function planPrecache(
  manifest: readonly ManifestEntry[],
  base: string,
  langsInUse: ReadonlySet<string>,
): { now: string[]; deferred: string[] } {
  const now: string[] = [];
  const deferred: string[] = [];
  const seen = new Set<string>(); // the plugin may list the web manifest and icons twice
  for (const entry of manifest) {
    const url = new URL(entry.url, base).href;
    if (seen.has(url)) continue;
    seen.add(url);
    const lang = langOfUrl(url);
    if (lang === undefined || langsInUse.has(lang)) now.push(url);
    else deferred.push(url);
  }
  return { now, deferred };
}

/** A short, stable id for a manifest: a new build gives a new cache name. */
export function manifestVersion(manifest: readonly ManifestEntry[]): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits: enough to tell builds apart, tiny to ship.
  for (const e of manifest) {
    const s = `${e.url}#${e.revision ?? ''}|`;
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(36);
}

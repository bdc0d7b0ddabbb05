/**
 * The service worker: makes the app start and work with no signal.
 * - install: precache the build (shell, Vietnamese, data chunks); never skipWaiting by itself —
 *   the page asks the user first (src/ui/App/sw-bridge.ts) and then sends SKIP_WAITING.
 * - activate: delete every cache but this version's, take control of open pages.
 * - fetch: see policy.ts. The API is never touched.
 * - sync: Background Sync wakes the open page to flush its outbox.
 */
import { manifestVersion, planPrecache, strategyFor, langOfUrl, type ManifestEntry } from './policy';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: ManifestEntry[] };

const MANIFEST = self.__WB_MANIFEST;
const VERSION = manifestVersion(MANIFEST);
const PRECACHE = `xaso-precache-${VERSION}`;
const RUNTIME = `xaso-runtime-${VERSION}`;
const SHELL = new URL('index.html', self.location.href).href;
const HASHED = /\/assets\//; // file names carry a content hash: a copy from an older cache is as good

/** Languages an earlier version had cached, so an update keeps them offline. */
async function langsInUse(): Promise<Set<string>> {
  const langs = new Set<string>();
  for (const name of await caches.keys()) {
    if (!name.startsWith('xaso-')) continue;
    for (const req of await (await caches.open(name)).keys()) {
      const lang = langOfUrl(req.url);
      if (lang) langs.add(lang);
    }
  }
  return langs;
}

/**
 * Precached at every install. Language chunks fetched by an update also sit in PRECACHE; they are
 * classed "runtime" here, which only means a miss would be kept: both read PRECACHE first.
 */
const precached = new Set(planPrecache(MANIFEST, self.location.href, new Set()).now);

async function precache(): Promise<void> {
  const { now } = planPrecache(MANIFEST, self.location.href, await langsInUse());
  const cache = await caches.open(PRECACHE);
  // One failure fails the install, so a half-cached version never activates; the browser
  // tries again on a later visit. (Parallel requests are capped per host by the browser.)
  await Promise.all(
    now.map(async (url) => {
      if (HASHED.test(url)) {
        const old = await caches.match(url); // reuse: on 2G an update downloads only what changed
        if (old) return cache.put(url, old);
      }
      // Unhashed files (index.html, icons, manifest) bypass the HTTP cache to get this build's copy.
      const res = await fetch(url, { cache: HASHED.test(url) ? 'default' : 'reload' });
      if (!res.ok) throw new Error(`precache ${url}: ${res.status}`);
      // A redirected response cannot answer a navigation (Chrome refuses it): keep a clean copy.
      const clean = res.redirected ? new Response(await res.blob(), { status: res.status, headers: res.headers }) : res;
      await cache.put(url, clean);
    }),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name !== PRECACHE && name !== RUNTIME) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

async function fromCache(url: string): Promise<Response | undefined> {
  return (await caches.match(url, { cacheName: PRECACHE })) ?? (await caches.match(url, { cacheName: RUNTIME }));
}

async function runtime(event: FetchEvent, url: string): Promise<Response> {
  const hit = await fromCache(url);
  if (hit) return hit;
  const res = await fetch(event.request);
  if (res.ok && res.type === 'basic') {
    const copy = res.clone();
    event.waitUntil(caches.open(RUNTIME).then((c) => c.put(url, copy)));
  }
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const strategy = strategyFor(req, { scope: self.registration.scope, precached });
  if (strategy === 'network') return;
  const url = new URL(req.url);
  const key = url.origin + url.pathname;
  if (strategy === 'shell') {
    // The shell is served from cache even online: on a weak signal waiting for the network is
    // the slow path, and a new build reaches the user through the update prompt instead.
    event.respondWith(fromCache(SHELL).then((hit) => hit ?? fetch(req)));
  } else if (strategy === 'precache') {
    event.respondWith(fromCache(key).then((hit) => hit ?? fetch(req)));
  } else {
    event.respondWith(runtime(event, key));
  }
});

// Optional-area chunks (English, the team screens, …) a page loaded before this worker controlled
// it: on a first visit the install can take minutes on 2G while the user already opened them.
// Only this build's own deferred files are taken, fetched from the HTTP cache where they sit.
const deferred = new Set(planPrecache(MANIFEST, self.location.href, new Set()).deferred);
async function cacheLoaded(urls: unknown): Promise<void> {
  if (!Array.isArray(urls)) return;
  const cache = await caches.open(RUNTIME);
  for (const raw of urls.slice(0, 200)) {
    if (typeof raw !== 'string' || !URL.canParse(raw)) continue;
    const url = new URL(raw);
    const key = url.origin + url.pathname;
    if (!deferred.has(key) || (await fromCache(key))) continue;
    const res = await fetch(key).catch(() => undefined);
    if (res?.ok && res.type === 'basic') await cache.put(key, res);
  }
}

self.addEventListener('message', (event) => {
  const data = event.data as { type?: string; urls?: unknown } | null;
  if (data?.type === 'SKIP_WAITING') void self.skipWaiting();
  if (data?.type === 'CACHE_LOADED') event.waitUntil(cacheLoaded(data.urls));
});

// ---- Background Sync -------------------------------------------------------------------------
// The outbox lives in IndexedDB and is sent by page code (src/sync). When the browser fires the
// 'xaso-outbox' sync (registered by that code when a submit could not be sent), we ask every open
// page to flush. With no page open we fail, so the browser retries later; the page also flushes
// on start and on 'online', so nothing depends on this event alone.
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener('sync', (event: Event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== 'xaso-outbox') return;
  sync.waitUntil(
    (async () => {
      const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      if (pages.length === 0) throw new Error('no page open to flush the outbox');
      for (const page of pages) page.postMessage({ type: 'flush-outbox' });
    })(),
  );
});

/**
 * Entry. Order matters for a cold start on a slow phone:
 * 1. restore the language (bounded wait on IndexedDB) and render — no network needed;
 * 2. after the first paint, register the service worker (workbox-window is its own chunk).
 */
import './ui/App/zod-jitless'; // first: before any zod schema is created (CSP, no eval)
import Dexie from 'dexie';
import { render } from 'preact';
import { initLanguage } from './i18n';
import { App } from './ui/App';
import { registerServiceWorker } from './ui/App/sw-bridge';
import './ui/styles/global.css';

// Dexie switches its debug mode on by itself when the page is on localhost or 127.0.0.1: a
// console task and stack capture around every table call, warnings, console output. A production
// build must behave the same wherever it is served (a commune office's own PC, the benchmarks).
if (import.meta.env.PROD) Dexie.debug = false;

/**
 * "/review" typed in the address bar opens the reviewer area. Online the server redirects it; once
 * the service worker answers navigations with the app shell, the page itself moves to "#/review".
 */
function openReviewPath(): void {
  const m = /^(.*\/)review$/u.exec(location.pathname);
  if (m && !location.hash) history.replaceState(null, '', `${m[1]}#/review`);
}

/**
 * Resolves in a new task (a message is not throttled like a nested timer). Start-up work cut at
 * these points runs as three tasks instead of one long one, so a tap waits less (Lighthouse TBT).
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

async function start(): Promise<void> {
  openReviewPath();
  await nextTask(); // the entry chunk's evaluation ends here; opening the database starts afresh
  await initLanguage();
  await nextTask(); // the database's open and read end here; the first render is its own task
  const root = document.getElementById('app');
  if (!root) throw new Error('#app missing from index.html');
  root.textContent = ''; // drop the static placeholder
  render(<App />, root);
  const later = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn, { timeout: 3000 }) : setTimeout(fn, 1000);
  later(() => {
    registerServiceWorker().catch((err: unknown) => console.warn('service worker', err));
  });
}

void start();

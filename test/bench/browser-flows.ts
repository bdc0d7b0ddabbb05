/**
 * What the browser benchmark does inside the page (Playwright + CDP on Debian's Chromium):
 * create an assessment through the real screens, start it again offline and timed, and time
 * answer saves. Every timing is taken inside the page with performance.now(), under the CPU
 * throttle, so the harness's own overhead is not in the figures.
 */
import type { CDPSession, Page } from '@playwright/test';
import { IDB_FLOOR_SCRIPT, SAVE_SCRIPT } from './page-scripts';

export { READY_SCRIPT } from './page-scripts';

export async function createAssessment(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/#/new`);
  const province = page.locator('#new-province');
  await province.waitFor({ state: 'visible', timeout: 30_000 });
  await page.waitForFunction(() => !(document.getElementById('new-province') as HTMLSelectElement | null)?.disabled, null, {
    timeout: 30_000,
  });
  await province.selectOption('15');
  await page.locator('#new-commune-search').fill('trinh tuong');
  await page.locator('.commune-option').first().click();
  await page.locator('#new-area-mountain-border-island').check();
  await page.locator('#new-period').fill('2026');
  await page.locator('form.new-assessment button[type=submit]').click();
  await page.waitForURL(/#\/a\/[^/]+$/, { timeout: 30_000 });
  await page.locator('article.comp-card').first().waitFor({ timeout: 30_000 });
  return page.url();
}

/** Waits until the service worker controls the page and has finished installing (precache). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  }
}

export async function setOffline(cdp: CDPSession, offline: boolean): Promise<void> {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
}

export async function setCpuRate(cdp: CDPSession, rate: number): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/** Time of a fixed busy loop in the page: the ratio with and without throttling shows it is applied. */
export function busyLoopMs(page: Page): Promise<number> {
  return page.evaluate(() => {
    const t0 = performance.now();
    let x = 0;
    for (let i = 0; i < 3_000_000; i++) x += Math.sqrt(i) % 7;
    if (x < 0) throw new Error('unreachable');
    return performance.now() - t0;
  });
}

export interface StartTiming {
  /** Navigation start → first status control in the DOM. */
  ready: number;
  /** … → the next task ran (main thread free: the control answers a tap). */
  interactive: number;
  /** The document came from the service worker (no network). */
  fromServiceWorker: boolean;
}

/** Reloads the checklist (a new navigation) and reads the in-page marks. */
export async function timedStart(page: Page): Promise<StartTiming> {
  await page.reload({ waitUntil: 'commit', timeout: 30_000 });
  await page.waitForFunction(() => (window as unknown as { __xasoInteractive?: number }).__xasoInteractive !== undefined, null, {
    timeout: 30_000,
    polling: 100,
  });
  return page.evaluate(() => {
    const w = window as unknown as { __xasoReady: number; __xasoInteractive: number };
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return { ready: w.__xasoReady, interactive: w.__xasoInteractive, fromServiceWorker: (nav?.workerStart ?? 0) > 0 };
  });
}

/** Opens every group of the checklist so that every card is mounted. */
export async function openAllGroups(page: Page): Promise<number> {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details.group')) d.open = true;
  });
  await page
    .waitForFunction(() => document.querySelectorAll('details.group:not(:has(article.comp-card))').length === 0, null, {
      timeout: 30_000,
    })
    .catch(() => undefined);
  return page.locator('article.comp-card').count();
}

export interface SaveTiming {
  /** Click → the answers transaction's complete event (NaN when none was seen). */
  commitMs: number;
  /** Click → the card shows "Đã lưu". */
  ms: number;
  /** IndexedDB requests (get, put, cursor…) made between the click and the commit. */
  requests: number;
  /** 'app' when commitMs is the app's own performance.measure('xaso:save'), 'idb' when it is our transaction hook. */
  source: 'app' | 'idb';
}

/** Times one status change of card `index` in the page (see SAVE_SCRIPT). */
export function timedSave(page: Page, index: number): Promise<SaveTiming> {
  return page.evaluate(`(${SAVE_SCRIPT})(${index})`) as Promise<SaveTiming>;
}

/** Times `n` bare IndexedDB transactions in the page (see IDB_FLOOR_SCRIPT). */
export function idbFloor(page: Page, n: number): Promise<number[]> {
  return page.evaluate(`(${IDB_FLOOR_SCRIPT})(${n})`) as Promise<number[]>;
}

/**
 * Resolves once the page has painted what came before (two animation frames): an officer taps a
 * card seconds after the group opened or scrolled, never inside that frame.
 */
export function painted(page: Page): Promise<void> {
  return page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/** Shows only the group of card `index` (as an officer working through one group), untimed. */
export function focusGroupOf(page: Page, index: number): Promise<void> {
  return page.evaluate(`(() => {
    const card = document.querySelectorAll('article.comp-card')[${index}];
    const mine = card && card.closest('details.group');
    for (const d of document.querySelectorAll('details.group')) d.open = d === mine;
    if (card) card.scrollIntoView({ block: 'center' });
  })()`) as Promise<void>;
}

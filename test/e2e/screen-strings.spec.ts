/**
 * Issue #16: only the home screen's strings are in the first bundle; every other screen's
 * namespaces are chunks of their own (src/i18n/screen-strings.ts), precached at install. After one
 * online visit, each screen, opened by a cold start with no network, shows its own Vietnamese words
 * and never, not even for a frame, a raw key: a MutationObserver installed before the app's first
 * script records every text and label the page ever shows that is a key of locales/vi/*.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { mountainCommune as fx } from './fixtures';
import { HomePage } from './pages/home';
import { ChecklistPage } from './pages/checklist';
import { tx } from './pages/text';

type Tree = { [key: string]: string | Tree };

const LOCALES = new URL('../../locales/vi/', import.meta.url);
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`.replace(PLURAL, '')] : leafKeys(v, `${prefix}${k}.`),
  );
}

/** Every Vietnamese key, bare ("submit.button") and with its namespace ("sync:submit.button"). */
const RAW_KEYS = readdirSync(LOCALES)
  .filter((f) => f.endsWith('.json'))
  .flatMap((file) => {
    const ns = file.replace(/\.json$/, '');
    const keys = leafKeys(JSON.parse(readFileSync(new URL(file, LOCALES), 'utf8')) as Tree);
    return keys.flatMap((k) => [k, `${ns}:${k}`]);
  });

declare global {
  interface Window {
    __rawKeysSeen?: string[];
  }
}

/** Runs in the page before any of its scripts: records every raw key that reaches the DOM. */
function watchForRawKeys(keys: string[]): void {
  const known = new Set(keys);
  const seen: string[] = (window.__rawKeysSeen = []);
  const check = (text: string | null | undefined) => {
    const s = text?.trim();
    if (s && known.has(s)) seen.push(s);
  };
  const scan = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) check(node.textContent);
    if (node instanceof Element) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt']) check(node.getAttribute(attr));
      node.childNodes.forEach(scan);
    }
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') check(r.target.textContent);
      else if (r.type === 'attributes') check((r.target as Element).getAttribute(r.attributeName ?? ''));
      else r.addedNodes.forEach(scan);
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ['aria-label', 'title', 'placeholder', 'alt'],
  });
}

async function rawKeysSeen(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__rawKeysSeen ?? ['(the watcher did not run)']);
}

test('offline after install, every screen shows its Vietnamese strings and never a raw key', async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.addInitScript(watchForRawKeys, RAW_KEYS);

  // One visit online: the worker installs and precaches the screens and their strings.
  const home = new HomePage(page);
  await home.goto();
  await home.waitUntilOfflineReady();
  await expect(page.locator('.notice').getByText(tx('common', 'sw.offlineReady'))).toBeVisible();

  // From now on, no network: every screen below starts cold (a reload) from the worker's cache.
  await context.setOffline(true);
  await page.reload();
  await home.expectShown();
  const form = await home.startNew();
  const id = await form.create(fx);
  const a = `#/a/${encodeURIComponent(id)}`;

  const screens: { hash: string; shown: () => Promise<void> }[] = [
    { hash: '#/', shown: () => home.expectShown() },
    { hash: '#/new', shown: () => form.expectShown() },
    { hash: a, shown: () => new ChecklistPage(page).expectLoaded() },
    { hash: `${a}/summary`, shown: () => heading(page, tx('summary', 'title')) },
    { hash: `${a}/report`, shown: () => heading(page, tx('summary', 'report.title')) },
    { hash: `${a}/version`, shown: () => heading(page, tx('criteria', 'version.title')) },
    { hash: '#/settings', shown: () => heading(page, tx('settings', 'title')) },
    { hash: '#/enroll', shown: () => heading(page, tx('sync', 'enroll.title')) },
    { hash: '#/no-such-screen', shown: () => heading(page, tx('common', 'notFound.title')) },
  ];
  for (const screen of screens) {
    await page.goto(`./${screen.hash}`);
    await page.reload();
    await screen.shown();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await rawKeysSeen(page), `raw keys on ${screen.hash}`).toEqual([]);
  }
  // The summary's own words (sync namespace included) once it has drawn: the submit panel's button.
  await page.goto(`./${a}/summary`);
  await page.reload();
  await expect(page.getByRole('button', { name: tx('sync', 'submit.button'), exact: true })).toBeVisible();
  expect(await rawKeysSeen(page)).toEqual([]);
  await context.setOffline(false);
});

async function heading(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name, exact: true })).toBeVisible();
}

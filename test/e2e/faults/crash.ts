/**
 * Pulling the battery: every process of a Chromium profile on disk gets SIGKILL (no unload, no
 * pagehide), then the same profile is started again. Shared by P1 (answers) and P7 (evidence).
 */
import fs from 'node:fs';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { launchOptions, phone } from '../env';
import { expect, test } from './fixtures';

/** Every process whose command line names this profile folder: the browser and its children. */
function profileProcesses(profile: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(`--user-data-dir=${profile}`)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

async function killProfile(profile: string): Promise<void> {
  const pids = profileProcesses(profile);
  expect(pids.length).toBeGreaterThan(0);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await expect.poll(() => profileProcesses(profile).length, { timeout: 10_000 }).toBe(0);
}

export const nextFrame = (page: Page) => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => r())));

/**
 * Opens a Chromium profile on disk, runs `edit` in its page, SIGKILLs every process of the
 * profile one frame later, then starts the same profile again and runs `check` in its page.
 */
export async function crashAndReopen(
  baseURL: string | undefined,
  edit: (page: Page) => Promise<void>,
  check: (page: Page) => Promise<void>,
) {
  const profile = test.info().outputPath('profile');
  const open = () => chromium.launchPersistentContext(profile, { ...launchOptions, ...phone, baseURL, serviceWorkers: 'allow' });
  const firstPage = (context: BrowserContext) => context.pages()[0] ?? context.newPage();
  let context = await open();
  try {
    const page = await firstPage(context);
    await edit(page);
    await nextFrame(page);
    await killProfile(profile);
  } finally {
    await context.close().catch(() => undefined);
  }
  context = await open();
  try {
    const page = await firstPage(context);
    await page.goto('./');
    await check(page);
  } finally {
    await context.close();
  }
}

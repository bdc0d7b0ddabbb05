/**
 * Journeys 1 + 3: opened once online, the app then works in airplane mode, and an answer shown
 * "Đã lưu" survives the browser being killed — no unload handler gets a chance to run. One real
 * Chromium profile on disk (launchPersistentContext), closed and reopened offline.
 */
import { chromium, expect, test, type BrowserContext } from '@playwright/test';
import { BASE_URL, launchOptions, phone } from './env';
import { groupOf, mountainCommune as fx, type FixtureAnswer } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { SummaryPage } from './pages/summary';
import { literal, tx } from './pages/text';

/** Several answers over three groups; the last one (DL10) is where the checklist must resume. */
const answers: Record<string, FixtureAnswer> = {
  HTS7: { status: 3, note: 'Cáp quang 100 Mbps, ghi khi mất sóng.' },
  HTS8: { status: 2 },
  HTS19: { status: 'na', naReason: 'Toàn xã đã phủ sóng 4G.' },
  ANM7: { status: 1, note: 'Chưa có phần mềm diệt virus bản quyền.' },
  DL10: { status: 2, note: 'Đã số hoá 60% hồ sơ một cửa.' },
};
const LAST = 'DL10';

function openProfile(dir: string, offline: boolean): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    ...launchOptions,
    ...phone,
    baseURL: BASE_URL,
    serviceWorkers: 'allow',
    offline,
  });
}

test('works offline after one online visit, and nothing "Đã lưu" is lost when the browser dies', async () => {
  test.setTimeout(120_000);
  const profile = test.info().outputPath('profile');

  // 1. One visit online: the service worker installs and takes control.
  let context = await openProfile(profile, false);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const home = new HomePage(page);
    await home.goto();
    await home.waitUntilOfflineReady();

    // 2. Airplane mode: the app still starts, and an assessment is created and filled.
    await context.setOffline(true);
    await page.reload();
    await home.expectShown();
    await expect(home.emptyState).toBeVisible();
    const form = await home.startNew();
    await form.create(fx);
    const checklist = new ChecklistPage(page);
    await checklist.expectLoaded();
    for (const [code, a] of Object.entries(answers)) {
      await checklist.openGroup(groupOf(code));
      await checklist.answer(code, a);
    }
  } finally {
    // 3. The browser goes away: no beforeunload, no pagehide flush to rely on.
    await context.close();
  }

  // 4. The same profile, reopened with no network at all.
  context = await openProfile(profile, true);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const home = new HomePage(page);
    await home.goto();
    await expect(home.openLink(fx.commune, fx.period)).toBeVisible();
    const progress = literal(tx('home', 'item.progress', { answered: Object.keys(answers).length, total: '§' })).replace(
      '§',
      '\\d+',
    );
    await expect(home.list.getByText(new RegExp(`^${progress}$`))).toBeVisible();
    await home.open(fx.commune, fx.period);

    const checklist = new ChecklistPage(page);
    await checklist.expectLoaded();
    // It resumes where the officer stopped: DL10's group open, the card focused and on screen.
    await expect(checklist.group(groupOf(LAST))).toHaveAttribute('open', '');
    await expect(checklist.card(LAST)).toBeFocused();
    await expect(checklist.card(LAST)).toBeInViewport();
    // …and every answer, note and reason is there.
    await checklist.expectAnswers(answers);
    await expect(checklist.groupProgress('ANM')).toHaveText(/^1\/\d+ /);

    // A screen this profile has never shown (the summary, with its radar chunk) opens offline too.
    await checklist.toSummary();
    const summary = new SummaryPage(page);
    await summary.expectShown();
    await expect(summary.indexLine).toBeVisible();
    await summary.expectRadarDrawn();
  } finally {
    await context.close();
  }
});

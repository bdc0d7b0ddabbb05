/**
 * WCAG 2.1 AA, as far as a machine can tell: axe reports no serious or critical violation on any
 * screen — the commune's screens at 360×640, the reviewer's at a desktop size. Each screen is its
 * own soft check, so one run lists every screen that fails.
 */
import { expect, test } from '@playwright/test';
import { adminToken, createReviewer, submitThroughApi } from './api';
import { expectAccessible } from './axe';
import { ADMIN_PASSWORD, BASE_URL, desktop } from './env';
import { groupOf, mountainCommune, type CommuneFixture } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { SettingsPage } from './pages/settings';
import { SummaryPage } from './pages/summary';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';
import { firstCommune, province } from './units';

/** The reviewer side works on its own province (Gia Lai), apart from the other journeys. */
const GIA_LAI = '52';
const commune = firstCommune(GIA_LAI);
const reviewed: CommuneFixture = {
  ...mountainCommune,
  provinceCode: GIA_LAI,
  province: province(GIA_LAI).name,
  communeCode: commune.code,
  commune: commune.name,
};

test('commune screens at 360×640 have no serious or critical axe violation', async ({ page }) => {
  test.setTimeout(120_000);
  const home = new HomePage(page);
  await home.goto();
  await expect(home.emptyState).toBeVisible();
  await expectAccessible(page, 'home, empty');

  const form = await home.startNew();
  await expectAccessible(page, 'new assessment');
  // With the form's own error messages showing.
  await page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
  await expect(page.getByText(tx('assess', 'new.errors.province-required'))).toBeVisible();
  await expectAccessible(page, 'new assessment, with errors');
  const id = await form.create(mountainCommune);

  const checklist = new ChecklistPage(page);
  const someAnswers = Object.entries(mountainCommune.answers).filter(([code]) => ['HTS', 'ANM'].includes(groupOf(code)));
  await checklist.answerAll(Object.fromEntries(someAnswers));
  await checklist.openGroup('DL');
  await checklist.statusRadio('DL24', 'na').check(); // the N/A reason field, empty: its error shows
  await expect(checklist.naReason('DL24')).toBeVisible();
  await expectAccessible(page, 'checklist, groups open');

  const summary = new SummaryPage(page);
  await summary.goto(id);
  await summary.expectRadarDrawn();
  await expectAccessible(page, 'summary');

  await summary.openReport();
  await expectAccessible(page, 'report');

  const settings = new SettingsPage(page);
  await settings.goto();
  await expectAccessible(page, 'settings');

  await home.goto();
  await expect(home.openLink(mountainCommune.commune, mountainCommune.period)).toBeVisible();
  await expectAccessible(page, 'home, with an assessment');

  await page.goto('./#/enroll?code=ABCD-EF23');
  await expect(page.getByRole('heading', { level: 1, name: tx('sync', 'enroll.title') })).toBeVisible();
  await expect(page.getByRole('textbox', { name: tx('sync', 'enroll.code') })).toHaveValue('ABCD-EF23');
  await expectAccessible(page, 'enroll');
});

test('reviewer screens have no serious or critical axe violation', async ({ browser }) => {
  test.setTimeout(120_000);
  const account = await createReviewer(reviewed.provinceCode, 'a11y');
  const id = await submitThroughApi(await adminToken(), reviewed);

  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const reviewer = new ReviewerApp(page);
    await page.goto('./#/review');
    await reviewer.expectSignIn();
    await expectAccessible(page, 'reviewer sign-in');

    await reviewer.signIn(account.username, account.password);
    await reviewer.gotoCommunes();
    await expectAccessible(page, 'reviewer communes list');

    await page.getByRole('button', { name: tx('reviewer', 'enroll.buttonFor', { commune: reviewed.commune }) }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('link', { name: /#\/enroll\?code=/ })).toBeVisible();
    await expectAccessible(page, 'reviewer enrollment code dialog');
    await dialog.getByRole('button', { name: tx('common', 'actions.close'), exact: true }).click();

    await reviewer.gotoSubmission(id);
    await expectAccessible(page, 'reviewer submission');

    await reviewer.gotoDashboard();
    await reviewer.expectSubmitted(1, province(reviewed.provinceCode).communes.length);
    await expectAccessible(page, 'reviewer dashboard');

    // The national admin: every province side by side, and the accounts screen.
    const adminPage = await context.newPage();
    const admin = new ReviewerApp(adminPage);
    await admin.signIn('admin', ADMIN_PASSWORD);
    await expect(adminPage.getByRole('heading', { level: 1, name: tx('reviewer', 'provinces.title') })).toBeVisible();
    await expectAccessible(adminPage, 'admin provinces');
    await adminPage.goto('./#/review/users');
    await expect(adminPage.getByRole('heading', { level: 1, name: tx('reviewer', 'users.title') })).toBeVisible();
    await expectAccessible(adminPage, 'admin accounts');
  } finally {
    await context.close();
  }
});

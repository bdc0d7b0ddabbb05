/**
 * Issue #12, a large upload cancelled ("Hủy"), at the reviewer's 1280×800: the province's own
 * edit of the template workbook, made large (a visible notes sheet of incompressible text, about
 * 3 MB), is uploaded while page.route holds the request back, as a slow office line would. The
 * progress bar shows with "Hủy"; "Hủy" drops the request: the screen says so, nothing is created
 * (the API's list of the province's sets stays empty), and the form works again: the same file,
 * sent once more without the hold, is saved as a draft (so it was a workbook the server takes).
 * Axe on the uploading and the cancelled states.
 */
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { expect, test, type Route } from '@playwright/test';
import { NO } from '../../src/server/criteria-workbook/labels';
import { createReviewer, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, desktop } from './env';
import { CriteriaSetsScreen, setCell, workbookBytes } from './pages/criteria-sets';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);
const PROVINCE = '12';
const SET_ID = 'lai-chau-chi-so-xa';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function api(token: string, path: string): Promise<Response> {
  return fetch(new URL(`api/v1${path}`, BASE_URL), { headers: { authorization: `Bearer ${token}` } });
}

/** The province's versions, drafts included. */
async function storedSets(token: string): Promise<unknown[]> {
  const res = await api(token, `/criteria-sets?provinceCode=${PROVINCE}&status=all`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { sets: unknown[] }).sets;
}

/** The template as the province edits it, with a notes sheet of 1,500 rows of random text. */
async function largeWorkbook(token: string): Promise<Buffer> {
  const res = await api(token, '/criteria-sets/template.xlsx');
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  setCell(wb, 'id').value = SET_ID;
  setCell(wb, 'version').value = '2026.1';
  setCell(wb, 'template').value = NO;
  setCell(wb, 'notice').value = null;
  setCell(wb, 'notice', 3).value = null;
  const notes = wb.addWorksheet('Ghi chú');
  for (let r = 0; r < 1500; r++) notes.addRow(Array.from({ length: 8 }, () => randomBytes(220).toString('base64')));
  return workbookBytes(wb);
}

test('a large workbook upload shows its progress and "Hủy" cancels it: nothing is created, the form works again', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const account = await createReviewer(PROVINCE, 'cancel');
  const token = await signIn(account.username, account.password);
  const bytes = await largeWorkbook(token);
  expect(bytes.byteLength).toBeGreaterThan(2 * 1024 * 1024);

  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  const page = await context.newPage();
  try {
    await new ReviewerApp(page).signIn(account.username, account.password);
    const screen = new CriteriaSetsScreen(page);
    await screen.goto();
    await expect(page.getByText(t('criteriaSets.noVersions'))).toBeVisible();

    // The upload is held back, like a workbook crawling over a slow line.
    const held: Route[] = [];
    let arrived!: () => void;
    const uploadArrived = new Promise<void>((resolve) => (arrived = resolve));
    await page.route(`**/api/v1/provinces/${PROVINCE}/criteria-sets`, async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      held.push(route);
      arrived();
    });
    await screen.upload('bo-chi-so-lai-chau.xlsx', bytes, XLSX);
    await uploadArrived;
    const uploading = page.getByRole('progressbar', { name: t('criteriaSets.uploading') });
    await expect(uploading).toBeVisible();
    const uploadButton = page.getByRole('button', { name: t('criteriaSets.upload'), exact: true });
    await expect(uploadButton).toBeDisabled();
    await expectAccessible(page, 'upload under way');

    await page.getByRole('button', { name: t('criteriaSets.cancelUpload'), exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: t('criteriaSets.uploadCancelled') })).toBeVisible();
    await expect(uploading).toBeHidden();
    await expect(uploadButton).toBeEnabled();
    await expectAccessible(page, 'upload cancelled');
    // Letting the held request go now changes nothing: the page dropped it. (Were it sent, the
    // server would store it within a second or two: the same file is stored below.)
    expect(held).toHaveLength(1);
    await held[0]?.continue().catch(() => undefined);
    await page.waitForTimeout(3_000);
    expect(await storedSets(token)).toEqual([]);
    await expect(page.getByText(t('criteriaSets.noVersions'))).toBeVisible();

    // The form works again: the same file, without the hold, is saved as a draft.
    await page.unroute(`**/api/v1/provinces/${PROVINCE}/criteria-sets`);
    await uploadButton.click();
    await expect(
      page.getByRole('status').filter({ hasText: t('criteriaSets.saved', { set: SET_ID, version: '2026.1', count: 47 }) }),
    ).toBeVisible({ timeout: 60_000 });
    expect(await storedSets(token)).toHaveLength(1);
  } finally {
    await context.close();
  }
});

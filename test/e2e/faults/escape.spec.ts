/**
 * F5 — text a commune typed is shown as text, never run: notes, N/A reasons, names, the period
 * and the helpers with script and markup in them, in the reviewer's screens (commune table,
 * submission, dashboard) and on the phone's printable report; formulas are defused in the CSV.
 * A5 (browser half) — the built app runs under the server's CSP without a single violation:
 * no inline script, no inline handler, on every screen of both sides.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { REVIEWER_PASSWORD, Api } from '../../faults/support/api';
import { completeSubmission } from '../../faults/support/submission';
import { REPO_ROOT } from '../../faults/support/server-process';
import { desktop } from '../env';
import { ChecklistPage } from '../pages/checklist';
import { ReviewerApp } from '../pages/reviewer';
import { backupWith, BA_DINH, expect, restore, test, uuid } from './fixtures';

const XSS = {
  note: '<img src=x onerror="window.pwned=1">Đã có <b>wifi</b>',
  naReason: '<script>window.pwned=2</script> không có',
  openName: '"><svg onload="window.pwned=3">Zalo',
  period: '<i>2026</i>',
  helpers: '<iframe src="javascript:window.pwned=4"></iframe>Tổ CNS',
};

/** Records CSP violations and runaway payloads in every document of the page. */
async function watch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on('dialog', (d) => void d.dismiss());
}

async function expectClean(page: Page, where: string): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { pwned?: number }).pwned,
    violations: (window as unknown as { cspViolations?: string[] }).cspViolations ?? [],
    injected: document.querySelectorAll('img[src="x"], svg[onload], iframe, main script, [onerror], [onload]').length,
  }));
  expect(state, where).toEqual({ pwned: undefined, violations: [], injected: 0 });
}

test('[F5] script and markup in stored notes, reasons, names, period and helpers are shown as text in the reviewer screens, the printable report and the CSV', async ({
  page,
  browser,
  xaso,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const api = new Api(xaso.server.url);
  const reviewerName = `f5-${Date.now().toString(36)}`;
  const admin = await api.adminToken();
  expect(
    (
      await api.request('POST', '/api/v1/users', {
        token: admin,
        body: { username: reviewerName, password: REVIEWER_PASSWORD, provinceCode: BA_DINH.provinceCode },
      })
    ).status,
  ).toBe(201);
  const reviewerToken = await api.login(reviewerName, REVIEWER_PASSWORD);
  const device = await api.enroll(reviewerToken, BA_DINH.communeCode);
  const id = `xss-submission-${Date.now().toString(36)}`;
  const body = completeSubmission(BA_DINH.communeCode, ['urban'], (s) => {
    s.period = XSS.period;
    s.helpers = XSS.helpers;
    const [first, second] = s.answers;
    if (first) first.note = XSS.note;
    s.answers.push({ code: 'HTS9', status: 2, openName: XSS.openName, updatedAt: '2026-03-01T07:00:00.000Z' });
    const areaSpecific = s.answers.find((a) => a.code === 'HTS10');
    if (areaSpecific) Object.assign(areaSpecific, { status: 'na', naReason: XSS.naReason });
    if (second) second.note = '=HYPERLINK("http://evil.example","bấm")';
  });
  const stored = await api.request('PUT', `/api/v1/assessments/${id}`, { token: device.token, body });
  expect(stored.status, stored.text).toBe(200);

  // The reviewer's side, on an office PC.
  const office = await browser.newContext({ ...desktop, baseURL });
  try {
    const rp = await office.newPage();
    await watch(rp);
    const reviewer = new ReviewerApp(rp);
    await reviewer.signIn(reviewerName, REVIEWER_PASSWORD);
    await reviewer.gotoCommunes(BA_DINH.provinceCode);
    const row = await reviewer.findCommune('ba dinh', BA_DINH.name);
    await expect(row).toContainText(XSS.period);
    await expectClean(rp, 'commune table');

    await reviewer.gotoSubmission(id);
    for (const text of [XSS.note, XSS.naReason, XSS.openName]) await expect(rp.getByText(text, { exact: true })).toBeVisible();
    await expectClean(rp, 'submission');

    await reviewer.gotoDashboard(BA_DINH.provinceCode);
    await expectClean(rp, 'dashboard');
  } finally {
    await office.close();
  }

  // The CSV a reviewer opens in Excel: the formula is defused.
  const csv = await api.request('GET', `/api/v1/provinces/${BA_DINH.provinceCode}/communes.csv`, { token: reviewerToken });
  expect(csv.text).toContain(XSS.period);
  expect(csv.text).not.toMatch(/(^|,)=HYPERLINK/m);

  // The phone's printable report shows the commune's own texts as text.
  await watch(page);
  const local = uuid(0xf501);
  const file = backupWith([
    { id: local, answers: [{ code: 'HTS6', status: 3, note: XSS.note, updatedAt: '2026-03-01T07:00:00.000Z' }] },
  ]);
  const entry = file.assessments[0];
  if (entry) Object.assign(entry, { period: XSS.period, helpers: XSS.helpers });
  await expect((await restore(page, file)).importReport).toBeVisible();
  const checklist = new ChecklistPage(page);
  await checklist.goto(local, 'HTS6');
  await expect(checklist.note('HTS6')).toHaveValue(XSS.note);
  await expectClean(page, 'checklist');
  await page.goto(`./#/a/${local}/report`);
  await expect(page.getByText(XSS.helpers, { exact: true })).toBeVisible();
  await expect(page.getByText(XSS.period, { exact: true })).toBeVisible();
  await expectClean(page, 'report');
});

test('[A5] the built app runs under the CSP with no violation on any screen, and its HTML has no inline script or handler', async ({
  page,
  browser,
  xaso,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const html = fs.readFileSync(path.join(REPO_ROOT, 'dist', 'index.html'), 'utf8');
  expect(html.match(/<script(?![^>]*\bsrc=)[^>]*>/gi) ?? [], 'inline <script> in dist/index.html').toEqual([]);
  expect(html.match(/\son[a-z]+\s*=/gi) ?? [], 'inline event handler in dist/index.html').toEqual([]);

  await watch(page);
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  const id = uuid(0xa501);
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  for (const hash of ['#/', '#/new', '#/settings', `#/a/${id}?code=HTS6`, `#/a/${id}/summary`, `#/a/${id}/report`, '#/enroll']) {
    await page.goto(`./${hash}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
    await expectClean(page, hash);
  }
  // English is a lazily loaded chunk: also under the CSP.
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectClean(page, 'English');

  const api = new Api(xaso.server.url);
  const name = `a5-${Date.now().toString(36)}`;
  await api.request('POST', '/api/v1/users', {
    token: await api.adminToken(),
    body: { username: name, password: REVIEWER_PASSWORD, provinceCode: BA_DINH.provinceCode },
  });
  const office = await browser.newContext({ ...desktop, baseURL });
  try {
    const rp = await office.newPage();
    await watch(rp);
    const reviewer = new ReviewerApp(rp);
    await reviewer.signIn(name, REVIEWER_PASSWORD);
    await reviewer.gotoCommunes(BA_DINH.provinceCode);
    await reviewer.gotoDashboard(BA_DINH.provinceCode);
    await rp.waitForLoadState('networkidle');
    await expectClean(rp, 'reviewer');
  } finally {
    await office.close();
  }
});

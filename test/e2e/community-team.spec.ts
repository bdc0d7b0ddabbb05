/**
 * Issue #15, the community digital team end to end, at 360×640: the province's reviewer issues a
 * team code; a team member's phone enrolls with it (a display name, nothing else), goes offline,
 * logs three days of support (one entry edited, one deleted, a hostile note shown as text) and 20
 * anonymous survey responses handed to residents, then comes back online and sends them once, with
 * the member's display name, which the reviewer's list of the commune's phones then shows.
 * The server's tally counts exactly that; the commune officer's phone shows it on NVXHS1, NVXHS3
 * and ĐLHQ9 beside the declared status; the team phone is refused the assessment. axe on every
 * new screen state.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createReviewer, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, phone } from './env';
import { mountainCommune, type CommuneFixture } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';

const HUE = '46';
const fx: CommuneFixture = {
  ...mountainCommune,
  provinceCode: HUE,
  province: 'Thành phố Huế',
  communeQuery: 'phu xuan',
  communeCode: '19753',
  commune: 'Phường Phú Xuân',
  period: String(new Date().getFullYear()),
};
const YEAR = fx.period;
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

async function api<T>(method: string, path: string, token: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(new URL(`api/v1${path}`, BASE_URL), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
}

const t = (key: string, vars: Record<string, string | number> = {}) => tx('team', key, vars);
const kind = (id: string) => {
  const names: Record<string, string> = {
    'kich-hoat-vneid-muc-2': 'Kích hoạt tài khoản định danh điện tử mức độ 2',
    'dich-vu-cong-truc-tuyen': 'Nộp hồ sơ dịch vụ công trực tuyến',
    'thanh-toan-khong-dung-tien-mat': 'Thanh toán không dùng tiền mặt',
    'ky-nang-so': 'Kỹ năng số',
    khac: 'Khác',
  };
  return names[id] ?? id;
};

/** What is logged: residents per kind as the server must count them (the deleted entry excluded, the edit counted once). */
const EXPECTED = {
  residentsHelped: 15,
  sessions: 4,
  residentsByKind: {
    'kich-hoat-vneid-muc-2': 4,
    'dich-vu-cong-truc-tuyen': 2,
    'ky-nang-so': 3,
    'thanh-toan-khong-dung-tien-mat': 6,
  },
};
/** The overall question's answers of the 20 residents. */
const OVERALL = [5, 4, 4, 3, 5, 2, 4, 5, 1, 4, 5, 4, 3, 4, 5, 4, 2, 5, 4, 3];
const MEAN = OVERALL.reduce((a, b) => a + b, 0) / OVERALL.length;
const SHARE = OVERALL.filter((s) => s >= 4).length / OVERALL.length;
const SCALE = ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'];
const OVERALL_Q = 'Ông/bà hài lòng thế nào với sự hỗ trợ tại điểm hỗ trợ hôm nay?';
const FIRST_Q = 'Ông/bà hài lòng thế nào với dịch vụ công trực tuyến?';

async function logEntry(
  page: Page,
  e: { date: string; hamlet?: string; chip?: string; kind: string; residents: number; note?: string },
) {
  await page.getByRole('textbox', { name: t('log.date') }).fill(e.date);
  if (e.chip)
    await page
      .getByRole('group', { name: t('log.recent') })
      .getByRole('button', { name: e.chip })
      .click();
  else await page.getByRole('textbox', { name: t('log.hamlet') }).fill(e.hamlet ?? '');
  await page.getByRole('radio', { name: kind(e.kind) }).check();
  // The count starts at 1: the large "+" button, as a member does it standing.
  for (let i = 1; i < e.residents; i++) await page.getByRole('button', { name: t('log.more') }).click();
  await expect(page.getByRole('textbox', { name: t('log.residents') })).toHaveValue(String(e.residents));
  if (e.note) await page.getByRole('textbox', { name: t('log.note') }).fill(e.note);
  const saved = page.locator('.team-saved');
  const before = await saved.getAttribute('data-saves');
  await page.getByRole('button', { name: t('log.save'), exact: true }).click();
  await expect(saved).not.toHaveAttribute('data-saves', before ?? '0');
  await expect(saved).toHaveText(t('log.savedNext'));
}

test('a team phone logs support and a survey offline, sends once; the officer sees the tally; the team phone is refused the assessment', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const account = await createReviewer(HUE, 'hue-team');
  const reviewerToken = await signIn(account.username, account.password);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  const officerPhone = await browser.newContext({ ...phone, baseURL: BASE_URL });
  const reviewerPhone = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    let teamToken = '';

    await test.step('the reviewer issues a team code; the phone enrolls with it and asks only a display name', async () => {
      const issued = await api<{ code: string; expiresAt: string }>(
        'POST',
        `/communes/${fx.communeCode}/team-codes`,
        reviewerToken,
        {},
      );
      expect(issued.status).toBe(201);
      await page.goto(`./#/enroll?code=${issued.body.code}`);
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('name.title') })).toBeVisible();
      await expectAccessible(page, 'team display name');
      await page.getByRole('button', { name: t('name.save') }).click();
      await expect(page.getByText(t('name.empty'))).toBeVisible();
      await page.getByRole('textbox', { name: t('name.label') }).fill('Chị Lan');
      await page.getByRole('button', { name: t('name.save') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('home.title') })).toBeVisible();
      await expect(page.getByText(t('home.member', { name: 'Chị Lan' }))).toBeVisible();
      // The team's home: no assessment to open or create.
      await expect(page.getByRole('link', { name: tx('home', 'new') })).toHaveCount(0);
      await expectAccessible(page, 'team home');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      teamToken = await page.evaluate(
        () =>
          new Promise<string>((resolve, reject) => {
            const req = indexedDB.open('xaso');
            req.onerror = () => reject(req.error);
            req.onsuccess = () => {
              const get = req.result.transaction('settings').objectStore('settings').get('enrollment');
              get.onsuccess = () => resolve((get.result as { value: { deviceToken: string; role: string } }).value.deviceToken);
            };
          }),
      );
      expect(teamToken).not.toBe('');
    });

    await test.step('offline: three days of support logged, one entry edited, one deleted', async () => {
      await handset.setOffline(true);
      await page.reload();
      await page.getByRole('link', { name: t('home.log') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('log.title') })).toBeVisible();
      await expect(page.getByText(t('log.noteWarning'))).toBeVisible();
      // Nothing without a kind: the form says so and writes nothing.
      await page.getByRole('textbox', { name: t('log.hamlet') }).fill('Thôn Đông');
      await page.getByRole('button', { name: t('log.save'), exact: true }).click();
      await expect(page.getByRole('alert')).toHaveText(t('log.error.kind'));
      await expectAccessible(page, 'log form with an error');

      await logEntry(page, { date: `${YEAR}-03-02`, hamlet: 'Thôn Đông', kind: 'kich-hoat-vneid-muc-2', residents: 4 });
      await logEntry(page, { date: `${YEAR}-03-02`, chip: 'Thôn Đông', kind: 'dich-vu-cong-truc-tuyen', residents: 2 });
      await logEntry(page, { date: `${YEAR}-03-03`, hamlet: 'Tổ dân phố 5', kind: 'ky-nang-so', residents: 3, note: HOSTILE });
      await logEntry(page, { date: `${YEAR}-03-03`, chip: 'Tổ dân phố 5', kind: 'khac', residents: 1 });
      await logEntry(page, { date: `${YEAR}-03-04`, chip: 'Thôn Đông', kind: 'thanh-toan-khong-dung-tien-mat', residents: 2 });
      await expectAccessible(page, 'log form, saved, recent hamlets');

      // The day view of 3 March: totals per kind; the hostile note is text.
      await page.goto(`./#/team/day?date=${YEAR}-03-03`);
      const day = page.locator('main');
      const entries = day.getByRole('list', { name: t('day.entries') });
      await expect(day.getByRole('heading', { level: 1 })).toHaveText(t('day.title', { date: `03/03/${YEAR}` }));
      await expect(day.getByText(t('day.residentsTotal', { count: 4 }))).toBeVisible();
      await expect(day.getByText(t('day.sessions', { count: 2 }))).toBeVisible();
      await expect(day.getByText(HOSTILE, { exact: true })).toBeVisible();
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
      await expect(day.getByText(t('day.state.queued'))).toHaveCount(2);
      await expectAccessible(page, 'day view');
      // Delete the "Khác" entry, with a confirmation.
      const other = entries.getByRole('listitem').filter({ hasText: kind('khac') });
      await other.getByRole('button', { name: t('day.delete') }).click();
      await expect(page.getByRole('dialog', { name: t('day.deleteTitle') })).toBeVisible();
      await expectAccessible(page, 'delete confirmation');
      await page
        .getByRole('dialog')
        .getByRole('button', { name: t('day.delete') })
        .click();
      await expect(entries.getByRole('listitem')).toHaveCount(1);
      await expect(day.getByText(t('day.residentsTotal', { count: 3 }))).toBeVisible();

      // 4 March: the payment entry corrected from 2 to 6 residents.
      await page.getByRole('button', { name: t('day.next') }).click();
      await expect(day.getByRole('heading', { level: 1 })).toHaveText(t('day.title', { date: `04/03/${YEAR}` }));
      await entries.getByRole('link', { name: t('day.edit') }).click();
      await expect(page.getByRole('heading', { level: 1, name: t('log.editTitle') })).toBeVisible();
      await page.getByRole('textbox', { name: t('log.residents') }).fill('6');
      await page.getByRole('button', { name: t('log.save'), exact: true }).click();
      await expect(day.getByRole('heading', { level: 1 })).toHaveText(t('day.title', { date: `04/03/${YEAR}` }));
      await expect(day.getByText(t('day.residentsTotal', { count: 6 }))).toBeVisible();

      // A reload (or a killed tab) loses nothing.
      await page.reload();
      await expect(day.getByText(t('day.residentsTotal', { count: 6 }))).toBeVisible();
    });

    await test.step('offline: 20 residents answer the survey on the handed-over phone', async () => {
      await page.goto('./#/team/survey');
      await expect(page.getByRole('heading', { level: 1, name: 'Khảo sát mức độ hài lòng (ẩn danh)' })).toBeVisible();
      await expectAccessible(page, 'survey');
      await page.getByRole('button', { name: t('survey.handOver') }).click();
      // Large tap targets: every answer is at least 48 px tall.
      const heights = await page.locator('.team-option').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
      expect(Math.min(...heights)).toBeGreaterThanOrEqual(48);
      for (const [i, score] of OVERALL.entries()) {
        if (i % 2 === 0)
          await page
            .getByRole('group', { name: FIRST_Q })
            .getByRole('radio', { name: SCALE[4 - (i % 3)], exact: true })
            .check();
        await page
          .getByRole('group', { name: OVERALL_Q })
          .getByRole('radio', { name: SCALE[score - 1], exact: true })
          .check();
        await page.getByRole('button', { name: t('survey.submit') }).click();
        await expect(page.getByRole('heading', { level: 1, name: t('survey.thanks') })).toBeVisible();
        if (i === 0) await expectAccessible(page, 'survey thank-you');
        // The thank-you shows nothing of the answers; the next resident starts blank.
        await page.getByRole('button', { name: t('survey.nextResident') }).click();
        await expect(page.getByRole('group', { name: OVERALL_Q }).getByRole('radio', { checked: true })).toHaveCount(0);
      }
      await page.getByRole('button', { name: t('survey.endHandOver') }).click();
      await expect(page.locator('.team-survey__count')).toHaveAttribute('data-count', '20');
      await page.goto('./');
      await expect(page.locator('.team-send__line')).toHaveAttribute('data-queued', '24');
      await expectAccessible(page, 'team home, 24 waiting');
    });

    await test.step('online again: everything is sent once, and the server counts exactly that', async () => {
      await handset.setOffline(false);
      await expect(page.locator('.team-send__line')).toHaveAttribute('data-queued', '0', { timeout: 30_000 });
      await expect(page.locator('.team-send__line')).toHaveAttribute('data-sent', '24');
      await expect(page.getByText(t('send.allSent'))).toBeVisible();
      const tally = await api<Record<string, unknown>>(
        'GET',
        `/communes/${fx.communeCode}/community-tally?year=${YEAR}`,
        reviewerToken,
      );
      expect(tally.status).toBe(200);
      expect(tally.body).toMatchObject({ ...EXPECTED, responses: 20, satisfaction: { n: 20 } });
      const s = tally.body.satisfaction as { mean: number; shareSatisfied: number };
      expect(s.mean).toBeCloseTo(MEAN, 6);
      expect(s.shareSatisfied).toBeCloseTo(SHARE, 6);
    });

    await test.step("the reviewer's list of the commune's phones names the team phone by its member", async () => {
      // The display name went up with the team's flush (PUT /devices/{id}/label).
      const listed = await api<{ devices: { role: string; label: string | null }[] }>(
        'GET',
        `/communes/${fx.communeCode}/devices`,
        reviewerToken,
      );
      expect(listed.body.devices.filter((d) => d.role === 'team').map((d) => d.label)).toEqual(['Chị Lan']);
      const reviewerPage = await reviewerPhone.newPage();
      const reviewer = new ReviewerApp(reviewerPage);
      await reviewer.signIn(account.username, account.password);
      await reviewer.gotoCommunes();
      await reviewer.findCommune(fx.communeQuery, fx.commune);
      // The commune list at 360 px: its table scrolls inside its own box, the page does not.
      expect(await reviewerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await reviewerPage.getByRole('button', { name: tx('reviewer', 'access.buttonFor', { commune: fx.commune }) }).click();
      const dialog = reviewerPage.getByRole('dialog', { name: tx('reviewer', 'access.title', { commune: fx.commune }) });
      const name = tx('reviewer', 'access.teamDevice', { name: 'Chị Lan' });
      expect(name).toBe('Tổ công nghệ số cộng đồng — Chị Lan');
      await expect(
        dialog.getByRole('button', { name: tx('reviewer', 'access.revokeDevice', { name }), exact: true }),
      ).toBeVisible();
      await expectAccessible(reviewerPage, "a commune's phones, a team phone named");
    });

    await test.step("the province's communes CSV carries the same numbers as the server", async () => {
      const res = await fetch(new URL(`api/v1/provinces/${HUE}/communes.csv`, BASE_URL), {
        headers: { Authorization: `Bearer ${reviewerToken}` },
      });
      expect(res.status).toBe(200);
      const rows = (await res.text())
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .map((line) =>
          [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')),
        );
      const header = rows[0] ?? [];
      const row = rows.find((r) => r.includes(fx.communeCode)) ?? [];
      const cell = (prefix: string) => row[header.findIndex((h) => h.startsWith(prefix))];
      expect(cell('Số lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ')).toBe(String(EXPECTED.residentsHelped));
      expect(cell('Số lần hỗ trợ ghi nhận')).toBe(String(EXPECTED.sessions));
      expect(cell('Số phiếu khảo sát hài lòng')).toBe('20');
      expect(Number(cell('Mức hài lòng trung bình'))).toBeCloseTo(MEAN, 2);
    });

    await test.step('the team phone is refused the assessment', async () => {
      const read = await api<{ error: { code: string } }>('GET', `/assessments/${randomUUID()}`, teamToken);
      expect(read.status).toBe(403);
      expect(read.body.error.code).toBe('team_device');
    });

    await test.step("the officer's phone shows the tally on NVXHS1, NVXHS3 and ĐLHQ9", async () => {
      const officer = await officerPhone.newPage();
      const { link } = await issueEnrollmentCode(reviewerToken, fx.communeCode);
      await officer.goto(link);
      await officer.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      const home = new HomePage(officer);
      await home.expectShown();
      const form = await home.startNew();
      await form.create(fx);
      await officer.reload(); // a sync run: the tally comes down with it
      const checklist = new ChecklistPage(officer);
      await checklist.openGroup('NVXHS');
      const title = tx('assess', 'measured.title', { year: YEAR });
      const nv1 = checklist.card('NVXHS1');
      await expect(nv1.getByText(title)).toBeVisible({ timeout: 30_000 });
      await expect(nv1).toContainText(tx('assess', 'measured.residents_other', { count: EXPECTED.residentsHelped }));
      await expect(nv1).toContainText(tx('assess', 'measured.vneid_other', { count: 4 }));
      await expect(nv1).toContainText(tx('assess', 'measured.online_other', { count: 2 }));
      const nv3 = checklist.card('NVXHS3');
      await expect(nv3).toContainText(tx('assess', 'measured.sessions_other', { count: EXPECTED.sessions }));
      await checklist.openGroup('ĐLHQ');
      const dl9 = checklist.card('ĐLHQ9');
      const number = (n: number, digits: number) =>
        new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
      await expect(dl9).toContainText(tx('assess', 'measured.responses_other', { count: 20 }));
      await expect(dl9).toContainText(
        tx('assess', 'measured.satisfaction', { mean: number(MEAN, 1), share: number(SHARE * 100, 0), n: 20 }),
      );
      // Beside the declared status, which stays the officer's to choose.
      await expect(dl9.getByRole('radio', { checked: true })).toHaveCount(0);
      await dl9.scrollIntoViewIfNeeded();
      await expectAccessible(officer, 'checklist with measured figures');
      // Offline, the figures are still there.
      await officerPhone.setOffline(true);
      await officer.reload();
      await checklist.openGroup('ĐLHQ');
      await expect(checklist.card('ĐLHQ9')).toContainText(tx('assess', 'measured.responses_other', { count: 20 }));
    });
  } finally {
    await handset.close();
    await officerPhone.close();
    await reviewerPhone.close();
  }
});

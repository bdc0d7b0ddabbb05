/**
 * Issue #14, verification (thẩm định), end to end: the phone (360×640) enrolls and submits a
 * mountain commune; the reviewer (1280×800) confirms one item, adjusts another with a reason and
 * returns the assessment asking evidence for a third; the phone's next sync shows the request
 * (linking to the item's card), the verified score and the comparison with the province, still
 * there offline; the verified score on the phone, the reviewer's screen, the wide CSV and the
 * server agree. Then, offline, the officer attaches the requested PDF on that item and, online,
 * resubmits (the file uploads); the reviewer sees the file on the item and the steps on the two
 * unchanged items carried from revision 1, verifies the changed one and accepts; the verified score
 * on the phone, the commune list, the reviewer screen, the wide CSV and the server agree, and the
 * phone shows it with its comparison offline. Axe on each new state of both screens.
 */
import { expect, test } from '@playwright/test';
import { createReviewer, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, desktop, phone } from './env';
import { mountainCommune, type CommuneFixture } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { ReviewerApp } from './pages/reviewer';
import { SummaryPage } from './pages/summary';
import { EvidencePanel } from './pages/evidence';
import { formatIndex, literal, tx } from './pages/text';
import { cleanPdf } from '../server/evidence/samples';

const fx: CommuneFixture = {
  ...mountainCommune,
  provinceCode: '96',
  province: 'Tỉnh Cà Mau',
  communeQuery: 'bac lieu',
  communeCode: '31825',
  commune: 'Phường Bạc Liêu',
};
const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);
const codes = Object.entries(fx.answers)
  .filter(([, a]) => a.status === 3)
  .map(([code]) => code);
const [VERIFIED, ADJUSTED, ASKED] = codes as [string, string, string];
const REASON = 'Biên bản kiểm tra cho thấy hệ thống chưa hoạt động.';
const EVIDENCE_NOTE = 'Ảnh chụp quyết định ban hành quy chế.';
const EVIDENCE_FILE = 'quyet-dinh-ban-hanh-quy-che.pdf';

async function api(token: string, path: string): Promise<Response> {
  return fetch(`${BASE_URL}api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test('the reviewer verifies, adjusts with a reason and asks evidence; the phone shows it offline with its comparison; all agree', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const account = await createReviewer(fx.provinceCode, 'camau');
  const apiToken = await signIn(account.username, account.password);
  const office = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const reviewer = new ReviewerApp(await office.newPage());
    const page = await handset.newPage();
    const home = new HomePage(page);
    const checklist = new ChecklistPage(page);
    const summary = new SummaryPage(page);
    let id = '';

    await test.step('the phone enrolls and submits the commune', async () => {
      await reviewer.signIn(account.username, account.password);
      await reviewer.gotoCommunes();
      const link = await reviewer.issueEnrollmentLink(fx.communeQuery, fx.commune);
      await page.goto(link);
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await home.expectShown();
      const form = await home.startNew();
      id = await form.create(fx);
      await checklist.answerAll(fx.answers);
      await checklist.toSummary();
      await summary.expectShown();
      await summary.submit();
      await summary.expectSent(1);
    });

    await test.step('the reviewer confirms one item, adjusts another with a reason, returns asking evidence for a third', async () => {
      await reviewer.gotoSubmission(id);
      const verifiedRegion = reviewer.page.getByRole('region', { name: t('verify.scoreTitle') });
      await expect(verifiedRegion.getByText(t('verify.noScoreYet'))).toBeVisible();

      const first = reviewer.answer(VERIFIED);
      await first.getByRole('button', { name: t('verify.confirm'), exact: true }).click();
      await expect(first.getByText(/^Đã xác nhận/)).toBeVisible();

      const second = reviewer.answer(ADJUSTED);
      await second.getByRole('button', { name: t('verify.adjust'), exact: true }).click();
      await second.getByRole('radio', { name: /^0 — / }).check();
      // No reason: refused on the screen, nothing sent.
      await second.getByRole('button', { name: t('verify.saveAdjustment'), exact: true }).click();
      await expect(second.getByRole('alert')).toHaveText(t('verify.reasonRequired'));
      await second.getByRole('textbox', { name: t('verify.reasonLabel') }).fill(REASON);
      await second.getByRole('button', { name: t('verify.saveAdjustment'), exact: true }).click();
      await expect(second.getByText(/^Đã điều chỉnh thành/)).toBeVisible();
      await expect(second.getByText(REASON)).toBeVisible();
      await expect(
        verifiedRegion.getByText(t('verify.progress', { done: 2, total: await itemCount(), adjusted: 1 }), { exact: false }),
      ).toBeVisible();
      await expectAccessible(reviewer.page, 'reviewer, one item verified and one adjusted', { hard: true });

      const third = reviewer.answer(ASKED);
      await third.getByRole('checkbox', { name: t('verify.requestEvidence') }).check();
      await third.getByRole('textbox', { name: t('verify.requestNote', { code: ASKED }) }).fill(EVIDENCE_NOTE);
      await expect(reviewer.reviewForm.getByText(t('verify.requests', { n: 1, codes: ASKED }), { exact: false })).toBeVisible();
      await reviewer.returnWithComment('Đề nghị xã bổ sung minh chứng.');
    });

    const server = await (await api(apiToken, `/assessments/${id}/verification`)).json();
    const verifiedIndex = server.score.index as number;
    const selfIndex = (await (await api(apiToken, `/assessments/${id}`)).json()).score.index as number;
    expect(verifiedIndex).toBeLessThan(selfIndex);
    expect(server.items.map((i: { code: string; outcome: string }) => [i.code, i.outcome])).toEqual([
      [VERIFIED, 'verified'],
      [ADJUSTED, 'adjusted'],
    ]);

    await test.step('the phone syncs: the request, the verified score and the comparison, still there offline', async () => {
      await page.reload(); // the app syncs on start
      await summary.expectSyncState('returned');
      const requests = page.getByTestId('evidence-requests');
      await expect(requests.getByText(EVIDENCE_NOTE)).toBeVisible();
      const verified = page.getByTestId('phone-verified-total');
      const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(verifiedIndex);
      await expect(verified).toContainText(shown);
      await expect(page.getByRole('table', { name: tx('sync', 'verified.comparisonCaption') })).toBeVisible();
      // One commune in the province: no average is shown.
      await expect(
        page
          .getByRole('table', { name: tx('sync', 'verified.comparisonCaption') })
          .getByText(tx('sync', 'verified.tooFew'))
          .first(),
      ).toBeVisible();
      await expectAccessible(page, 'phone, returned with an evidence request', { hard: true });

      await handset.setOffline(true);
      await page.reload();
      await expect(page.getByTestId('phone-verified-total')).toContainText(shown);
      await expect(page.getByTestId('evidence-requests').getByText(EVIDENCE_NOTE)).toBeVisible();
      // The request links to the item's card.
      await page
        .getByTestId('evidence-requests')
        .getByRole('link', { name: new RegExp(`^${ASKED}`) })
        .click();
      await checklist.expectLoaded();
      await expect(checklist.card(ASKED)).toBeFocused();
      await handset.setOffline(false);
    });

    await test.step('the reviewer screen and the wide CSV carry the same verified score', async () => {
      await reviewer.gotoSubmission(id);
      const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(verifiedIndex);
      await expect(reviewer.page.getByTestId('verified-total')).toContainText(shown);
      const csv = await (await api(apiToken, `/provinces/${fx.provinceCode}/communes.wide.csv?headers=machine`)).text();
      const [header, ...rows] = csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      const columns = header!.split(',');
      const row = rows.find((r) => r.startsWith(`${fx.communeCode},`))!.split(',');
      expect(Number(row[columns.indexOf('verified_total')])).toBe(verifiedIndex);
      expect(Number(row[columns.indexOf('self_total')])).toBe(selfIndex);
    });

    await test.step('offline, the officer attaches the requested file; online again, the resubmission and its file go up', async () => {
      await handset.setOffline(true);
      const panel = new EvidencePanel(page, ASKED);
      await panel.open();
      await panel.input('pickPdf').setInputFiles({ name: EVIDENCE_FILE, mimeType: 'application/pdf', buffer: cleanPdf() });
      await expect(panel.items()).toHaveCount(1);
      await checklist.toSummary();
      await summary.expectShown();
      await handset.setOffline(false);
      await summary.submit(true);
      await summary.expectSent(2);
      await expect(
        summary.submitPanel.getByRole('status').filter({ hasText: tx('sync', 'evidence.summary', { done: 1, count: 1 }) }),
      ).toBeVisible({ timeout: 60_000 });
      await expectAccessible(page, 'phone, resubmitted with its file', { hard: true });
    });

    await test.step('the reviewer sees the file on the requested item, verifies revision 2 and accepts', async () => {
      await reviewer.gotoSubmission(id);
      const asked = reviewer.answer(ASKED);
      await expect(asked.getByText(t('evidence.heading', { count: 1 }), { exact: true })).toBeVisible();
      const pdfLink = asked.getByRole('link', {
        name: new RegExp(`^${literal(t('evidence.openPdf', { size: 'XX' })).replace('XX', '.+')}$`),
      });
      await expect(pdfLink).toBeVisible();
      expect(await pdfLink.getAttribute('href')).toMatch(/^blob:/);
      // The unchanged items keep their steps, shown as carried from revision 1; the changed one is open.
      for (const code of [VERIFIED, ADJUSTED])
        await expect(reviewer.answer(code).getByText(t('verify.carried', { revision: 1 }), { exact: true })).toBeVisible();
      await expect(asked.getByText(t('verify.notYet'), { exact: true })).toBeVisible();
      await expectAccessible(reviewer.page, 'reviewer, revision 2 with carried steps', { hard: true });
      await confirm(ASKED);
      await expectAccessible(reviewer.page, 'reviewer, the asked item verified', { hard: true });
      await reviewer.accept();
      await expectAccessible(reviewer.page, 'reviewer, accepted', { hard: true });
    });

    const final = await (await api(apiToken, `/assessments/${id}/verification`)).json();
    expect(final.revision).toBe(2);
    expect(
      final.items.map((i: { code: string; outcome: string; carriedFrom?: number }) => [i.code, i.outcome, i.carriedFrom]),
    ).toEqual([
      [VERIFIED, 'verified', 1],
      [ADJUSTED, 'adjusted', 1],
      [ASKED, 'verified', undefined],
    ]);
    // Only the adjustment lowers the score, as on revision 1.
    expect(final.score.index).toBe(verifiedIndex);
    const finalIndex = final.score.index as number;
    const finalSelf = (await (await api(apiToken, `/assessments/${id}`)).json()).score.index as number;
    expect(finalIndex).toBeLessThan(finalSelf);

    await test.step('accepted: the phone, the commune list, the reviewer screen and the wide CSV agree with the server', async () => {
      await page.reload();
      await summary.expectSyncState('accepted');
      const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(finalIndex);
      await expect(page.getByTestId('phone-verified-total')).toContainText(shown);
      await expect(page.getByTestId('evidence-requests')).toHaveCount(0);
      await expectAccessible(page, 'phone, accepted', { hard: true });

      await reviewer.gotoCommunes(fx.provinceCode);
      const row = await reviewer.findCommune(fx.communeQuery, fx.commune);
      const oneDecimal = formatIndex(finalIndex);
      await expect(row.getByText(t('verify.indexAfter', { index: oneDecimal }), { exact: false })).toBeVisible();
      await reviewer.gotoSubmission(id);
      await expect(reviewer.page.getByTestId('verified-total')).toContainText(oneDecimal);
      const csv = await wideRow();
      expect(csv.verified).toBe(finalIndex);
      expect(csv.self).toBe(finalSelf);
    });

    await test.step('the phone shows the verified score and its comparison offline', async () => {
      await handset.setOffline(true);
      await page.reload();
      await summary.expectSyncState('accepted');
      const shown = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 }).format(finalIndex);
      await expect(page.getByTestId('phone-verified-total')).toContainText(shown);
      await expect(page.getByRole('table', { name: tx('sync', 'verified.comparisonCaption') })).toBeVisible();
      await expectAccessible(page, 'phone, verified result and comparison offline', { hard: true });
      await handset.setOffline(false);
    });

    async function confirm(code: string): Promise<void> {
      const item = reviewer.answer(code);
      await item.getByRole('button', { name: t('verify.confirm'), exact: true }).click();
      await expect(item.getByText(/^Đã xác nhận/)).toBeVisible();
    }

    async function wideRow(): Promise<{ verified: number; self: number }> {
      const csv = await (await api(apiToken, `/provinces/${fx.provinceCode}/communes.wide.csv?headers=machine`)).text();
      const [header, ...rows] = csv
        .replace(/^\uFEFF/, '')
        .trimEnd()
        .split('\r\n');
      const columns = header!.split(',');
      const row = rows.find((r) => r.startsWith(`${fx.communeCode},`))!.split(',');
      return { verified: Number(row[columns.indexOf('verified_total')]), self: Number(row[columns.indexOf('self_total')]) };
    }

    async function itemCount(): Promise<number> {
      return ((await (await api(apiToken, `/assessments/${id}/verification`)).json()) as { itemCount: number }).itemCount;
    }
  } finally {
    await office.close();
    await handset.close();
  }
});

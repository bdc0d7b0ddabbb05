/**
 * Journeys 5 + 6, upward sync and review, with two browsers: the provincial reviewer at an office
 * PC and a commune officer's phone at 360×640. The phone enrolls with the reviewer's code, fills
 * and submits a mountain commune with no signal (queued), delivers it once when the signal comes
 * back, gets it returned with comments, fixes it and sends revision 2, which the province accepts
 * and counts on its dashboard. The server's own score must be the one the fixture implies.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { createReviewer, revisions, signIn } from './api';
import { BASE_URL, desktop, phone } from './env';
import { mountainCommune, resubmittedAnswers, type CommuneFixture } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { ReviewerApp } from './pages/reviewer';
import { SummaryPage } from './pages/summary';
import { levelName, tx } from './pages/text';
import { province } from './units';

/** The fixture's answers, for a mountain commune of Lâm Đồng (this spec's own province). */
const fx: CommuneFixture = {
  ...mountainCommune,
  provinceCode: '68',
  province: 'Tỉnh Lâm Đồng',
  communeQuery: 'lac duong',
  communeCode: '24848',
  commune: 'Xã Lạc Dương',
};
const GENERAL_COMMENT = 'Đề nghị xã rà soát lại an toàn thông tin trước khi tỉnh chấp nhận.';
const ANM7_COMMENT = 'Cần cài phần mềm diệt virus bản quyền cho các máy tính của xã.';

test('reviewer issues a code, the phone submits offline, the province returns it, the commune resubmits, the province accepts', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const account = await createReviewer(fx.provinceCode, 'lamdong');
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

    await test.step('the reviewer issues an enrollment code for the commune', async () => {
      await reviewer.signIn(account.username, account.password);
      await reviewer.gotoCommunes();
      await expect(
        reviewer.page.getByRole('heading', { level: 1, name: tx('reviewer', 'communes.titleOf', { province: fx.province }) }),
      ).toBeVisible();
      const link = await reviewer.issueEnrollmentLink(fx.communeQuery, fx.commune);
      expect(link.startsWith(BASE_URL)).toBe(true);

      // The officer opens the link on the phone and connects it to the province.
      await page.goto(link);
      await expect(page.getByRole('heading', { level: 1, name: tx('sync', 'enroll.title') })).toBeVisible();
      await expect(page.getByRole('textbox', { name: tx('sync', 'enroll.code') })).not.toHaveValue('');
      await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
      await home.expectShown();
      await home.waitUntilOfflineReady();
    });

    await test.step('with no signal, the officer fills in the commune and submits: it waits in the queue', async () => {
      await handset.setOffline(true);
      await page.reload();
      await home.expectShown();
      const form = await home.startNew();
      id = await form.create(fx);
      await checklist.answerAll(fx.answers);
      await checklist.toSummary();
      await summary.expectShown();
      await summary.expectResult(fx.expected.index, fx.expected.level);
      // The app bar says, quietly, that the phone is offline (issue #10 item 9)…
      const connection = page.locator('.app-header').getByRole('status');
      await expect(connection).toContainText(tx('common', 'connection.offline'));
      await expect(connection).not.toContainText(tx('common', 'connection.waiting', { count: 1 }));
      await summary.submit();
      await summary.expectQueued();
      // …and how many submissions wait to be sent.
      await expect(connection).toContainText(tx('common', 'connection.waiting', { count: 1 }));
      // The answers are locked while the province has them.
      await checklist.goto(id, 'ANM7');
      await expect(page.getByText(tx('assess', 'checklist.lockedSubmitted'))).toBeVisible();
      await expect(checklist.statusRadio('ANM7', 3)).toBeDisabled();
      expect(await revisions(apiToken, id)).toEqual([]);
    });

    await test.step('the signal comes back: the submission is delivered, exactly once', async () => {
      await handset.setOffline(false);
      await summary.goto(id);
      await summary.expectSent(1);
      await expect(page.locator('.app-header .connection-status')).toHaveText('');
      // Reloads and later syncs send nothing more.
      await page.reload();
      await summary.expectSent(1);
      const stored = await revisions(apiToken, id);
      expect(stored.map((r) => r.revision)).toEqual([1]);
      expect(stored[0]).toMatchObject({ index: fx.expected.index, level: fx.expected.level });
    });

    await test.step('the reviewer sees the server score and returns it with comments', async () => {
      await reviewer.gotoCommunes();
      const row = await reviewer.findCommune(fx.communeQuery, fx.commune);
      await expect(row).toContainText(tx('reviewer', 'states.submitted'));
      await row.getByRole('link', { name: fx.commune }).click();
      await expect(reviewer.scorePanel).toBeVisible();
      await expect(reviewer.page.getByText(tx('reviewer', 'submission.revisionOf', { n: 1 }), { exact: true })).toBeVisible();
      await reviewer.expectServerScore(fx.expected.index, fx.expected.level, levelName(fx.expected.level));
      await reviewer.commentOn('ANM7', ANM7_COMMENT);
      await reviewer.returnWithComment(GENERAL_COMMENT);
    });

    await test.step('on its next sync the phone shows the comments; the officer fixes ANM7 and resubmits', async () => {
      await page.reload(); // the app syncs on start
      await summary.expectSyncState('returned');
      await expect(summary.reviewComments).toBeVisible();
      await expect(summary.reviewComments.getByText(GENERAL_COMMENT)).toBeVisible();
      await expect(summary.reviewComments.getByText(ANM7_COMMENT)).toBeVisible();
      await summary.reviewComments.getByRole('link', { name: /^ANM7/ }).click();

      await checklist.expectLoaded();
      await expect(checklist.card('ANM7')).toBeFocused();
      // The province's comment is on the component's own card too, labelled, as plain text (issue #10 item 8).
      const onCard = checklist.card('ANM7').getByRole('note', { name: tx('assess', 'checklist.reviewComment') });
      await expect(onCard).toHaveText(`${tx('assess', 'checklist.reviewComment')}${ANM7_COMMENT}`);
      await expect(page.getByRole('note', { name: tx('assess', 'checklist.reviewComment') })).toHaveCount(1);
      await expectAccessible(page, 'returned assessment, the reviewer’s comments', { hard: true });
      await expect(page.getByText(tx('assess', 'checklist.returned'))).toBeVisible();
      for (const [code, a] of Object.entries(fx.resubmission.changes)) await checklist.answer(code, a);
      await checklist.toSummary();
      await summary.expectShown();
      await summary.expectResult(fx.resubmission.expected.index, fx.resubmission.expected.level);
      await summary.submit(true);
      await summary.expectSent(2);

      const stored = await revisions(apiToken, id);
      expect(stored.map((r) => r.revision)).toEqual([1, 2]);
      expect(stored[1]).toMatchObject({ index: fx.resubmission.expected.index, level: fx.resubmission.expected.level });
    });

    await test.step('the reviewer accepts revision 2, and the dashboard counts the commune', async () => {
      await reviewer.gotoSubmission(id);
      await expect(reviewer.page.getByText(tx('reviewer', 'submission.revisionOf', { n: 2 }), { exact: true })).toBeVisible();
      await reviewer.expectServerScore(
        fx.resubmission.expected.index,
        fx.resubmission.expected.level,
        levelName(fx.resubmission.expected.level),
      );
      await expect(reviewer.answer('ANM7').getByText(tx('reviewer', 'answers.changed'), { exact: true })).toBeVisible();
      await reviewer.accept();

      await reviewer.gotoDashboard();
      await reviewer.expectSubmitted(1, province(fx.provinceCode).communes.length);

      await page.reload();
      await summary.expectSyncState('accepted');
      await checklist.goto(id);
      await expect(page.getByText(tx('assess', 'checklist.lockedAccepted'))).toBeVisible();
      await checklist.expectAnswers(resubmittedAnswers(fx));
    });
  } finally {
    await office.close();
    await handset.close();
  }
});

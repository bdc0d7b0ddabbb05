/**
 * Journey 2 + 4: a commune officer assesses a mountain commune on a 360×640 phone — picks it by a
 * search typed without diacritics, answers every component the checklist shows (an N/A with its
 * reason, a named "…khác" item, notes, a security item below "Đang triển khai"), and reads the
 * result: the index and level the fixture implies (checked against the scoring module by
 * test/domain/e2e-fixture.test.ts), the security gate's notice, the radar and the gap list, then
 * the printable report with the same index.
 */
import { expect, test } from '@playwright/test';
import { mountainCommune as fx } from './fixtures';
import { ChecklistPage } from './pages/checklist';
import { HomePage } from './pages/home';
import { NewAssessmentPage } from './pages/new-assessment';
import { SummaryPage } from './pages/summary';
import { tx } from './pages/text';

test('commune search ignores diacritics: "ba dinh" finds Phường Ba Đình in Hà Nội', async ({ page }) => {
  const form = new NewAssessmentPage(page);
  await form.goto();
  await expect(form.communeSearch).toBeDisabled(); // a province first
  await form.chooseProvince('Thành phố Hà Nội');
  await form.search('ba dinh');
  await expect(form.result('Phường Ba Đình')).toBeVisible();
  // Only Hà Nội's units: Thanh Hóa's "Xã Ba Đình" is not offered.
  await expect(form.result('Xã Ba Đình')).toHaveCount(0);
  await form.search('BA ĐÌNH');
  await expect(form.result('Phường Ba Đình')).toBeVisible();
  await form.search('khong co xa nay');
  await expect(page.getByText(tx('assess', 'new.commune.none', { query: 'khong co xa nay' }))).toBeVisible();
});

test('assess a mountain commune: every component answered, result as the methodology says', async ({ page }) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  await home.goto();
  await expect(home.emptyState).toBeVisible();

  const form = await home.startNew();
  await form.chooseProvince(fx.province);
  await form.search(fx.communeQuery);
  await expect(form.result(fx.commune)).toBeVisible();
  const id = await form.create(fx);

  const checklist = new ChecklistPage(page);
  await checklist.expectLoaded();
  // Only the commune's components: essential + mountain-border-island, not urban or rural ones.
  await checklist.openGroup('HTS');
  await expect(checklist.card('HTS7')).toBeVisible(); // essential
  await expect(checklist.card('HTS18')).toBeVisible(); // mountain-border-island
  await expect(checklist.card('HTS10')).toHaveCount(0); // urban
  await expect(checklist.card('HTS15')).toHaveCount(0); // rural
  await expect(checklist.card('HTS1')).toHaveCount(0); // central: context, not answerable

  await checklist.answerAll(fx.answers);
  for (const group of ['HTS', 'ANM', 'DL', 'NTL', 'ƯDCQS', 'NVCQS', 'ƯDKTS', 'NVKTS', 'ƯDXHS', 'NVXHS', 'KTT', 'ĐLHQ']) {
    const total = Object.keys(fx.answers).filter((code) => code.replace(/\d+$/u, '') === group).length;
    await expect(checklist.groupProgress(group)).toHaveText(new RegExp(`^${total}/${total} `));
  }
  // The unnamed "…khác" items are answered but do not count, and the card says so.
  await expect(checklist.card('HTS22').getByText(tx('assess', 'checklist.openName.unnamed'))).toBeVisible();
  await expect(checklist.card('HTS9').getByText(tx('assess', 'checklist.openName.unnamed'))).toHaveCount(0);

  await checklist.toSummary();
  const summary = new SummaryPage(page);
  await summary.expectShown();
  await expect(page).toHaveURL(new RegExp(`#/a/${id}/summary$`));
  await summary.expectResult(fx.expected.index, fx.expected.level);
  await expect(page.getByText(tx('summary', 'provisional.badge'), { exact: true })).toHaveCount(0);
  await expect(page.getByText(tx('summary', 'completeness.complete'))).toBeVisible();
  await summary.expectGateNotice(fx.expected.level, fx.expected.indexLevel, [fx.expected.firstGap]);
  await summary.expectRadarDrawn();
  await summary.expectGaps(fx.expected.gapCount, fx.expected.firstGap);

  const report = await summary.openReport();
  await report.expectResult(fx.expected.index, fx.expected.level);
  // The printed page carries the radar and the whole gap list, not its first ten (issue #10 item 8).
  await expect(summary.radar).toBeVisible();
  await expect(page.getByRole('table', { name: tx('summary', 'report.gapsCaption') }).locator('tbody tr')).toHaveCount(
    fx.expected.gapCount,
  );
  await expect(page.getByText(fx.commune, { exact: true })).toBeVisible();
  await expect(page.getByText(fx.province, { exact: true })).toBeVisible();
});

/**
 * The provincial reviewer's area (#/review…, lazy chunk): sign-in, the province's communes with
 * enrollment codes, one submission with its server score and the review form, the dashboard.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { formatIndex, literal, tx } from './text';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);

export class ReviewerApp {
  constructor(readonly page: Page) {}

  /** Opens a reviewer screen afresh (its data reloaded), even if it is the one on show. */
  private async visit(hash: string): Promise<void> {
    if (new URL(this.page.url()).hash === hash) await this.page.reload();
    else await this.page.goto(`./${hash}`);
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.goto('./#/review/sign-in');
    await this.expectSignIn();
    await this.page.getByRole('textbox', { name: t('signIn.username') }).fill(username);
    await this.page.getByLabel(t('signIn.password'), { exact: true }).fill(password);
    await this.page.getByRole('button', { name: t('signIn.submit'), exact: true }).click();
    await expect(this.nav).toBeVisible();
  }

  async expectSignIn(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: t('signIn.title') })).toBeVisible();
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: t('nav.label') });
  }

  // ── Communes ───────────────────────────────────────────────────────────────────────────────

  async gotoCommunes(province?: string): Promise<void> {
    await this.visit(`#/review${province ? `?province=${province}` : ''}`);
    await expect(this.communeTable).toBeVisible();
  }

  get communeTable(): Locator {
    return this.page.getByRole('table', { name: t('communes.caption') });
  }

  /** The table row of a commune, found through the search box ("lac duong"). */
  async findCommune(query: string, name: string): Promise<Locator> {
    await this.page.getByRole('searchbox', { name: t('communes.search') }).fill(query);
    const row = this.communeTable
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: new RegExp(`^${literal(name)}`) }) });
    await expect(row).toHaveCount(1);
    return row;
  }

  /** "Cấp mã đăng ký cho …": the dialog shows the code once, with its link. Returns the link. */
  async issueEnrollmentLink(query: string, commune: string): Promise<string> {
    await this.findCommune(query, commune);
    await this.page.getByRole('button', { name: t('enroll.buttonFor', { commune }) }).click();
    const dialog = this.page.getByRole('dialog', { name: t('enroll.title', { commune }) });
    await expect(dialog).toBeVisible();
    const link = dialog.getByRole('link', { name: /#\/enroll\?code=/ });
    await expect(link).toBeVisible();
    const href = (await link.getAttribute('href')) ?? '';
    await dialog.getByRole('button', { name: tx('common', 'actions.close'), exact: true }).click();
    await expect(dialog).toBeHidden();
    return href;
  }

  // ── One submission ─────────────────────────────────────────────────────────────────────────

  async gotoSubmission(id: string): Promise<void> {
    await this.visit(`#/review/a/${encodeURIComponent(id)}`);
    await expect(this.scorePanel).toBeVisible();
  }

  get scorePanel(): Locator {
    return this.page.getByRole('region', { name: t('score.title') });
  }

  /** The server's score: the index and the level's number and name. */
  async expectServerScore(index: number, level: number, levelName: string): Promise<void> {
    await expect(this.scorePanel.getByText(formatIndex(index), { exact: true })).toBeVisible();
    await expect(this.scorePanel.getByText(String(level), { exact: true })).toBeVisible();
    await expect(this.scorePanel.getByText(t('score.level', { name: levelName }), { exact: true })).toBeVisible();
  }

  get reviewForm(): Locator {
    return this.page.getByRole('region', { name: new RegExp(`^${literal(t('review.title', { n: 0 }).replace(/0.*$/, ''))}`) });
  }

  /** The commune's answer to one component, in the answer list. */
  answer(code: string): Locator {
    return this.page.getByRole('listitem').filter({ has: this.page.getByText(code, { exact: true }) });
  }

  /** "Nhận xét về thành phần này" under one answer: a comment about that component. */
  async commentOn(code: string, comment: string): Promise<void> {
    const item = this.answer(code);
    await item.getByText(t('answers.addComment'), { exact: true }).click();
    await item.getByRole('textbox', { name: t('answers.commentLabel', { code }) }).fill(comment);
    await expect(this.reviewForm.getByText(t('review.withComponents', { n: 1, codes: code }))).toBeVisible();
  }

  async returnWithComment(comment: string): Promise<void> {
    const form = this.reviewForm;
    await form.getByRole('radio', { name: t('review.returned') }).check();
    await form.getByRole('textbox', { name: new RegExp(`^${literal(t('review.comment'))}`) }).fill(comment);
    await form.getByRole('button', { name: t('review.submit.returned'), exact: true }).click();
    await expect(form.getByText(t('states.returned'), { exact: true })).toBeVisible();
  }

  async accept(): Promise<void> {
    const form = this.reviewForm;
    await form.getByRole('radio', { name: t('review.accepted') }).check();
    await form.getByRole('button', { name: t('review.submit.accepted'), exact: true }).click();
    await expect(form.getByText(t('states.accepted'), { exact: true })).toBeVisible();
  }

  // ── Dashboard ──────────────────────────────────────────────────────────────────────────────

  async gotoDashboard(province?: string): Promise<void> {
    await this.visit(`#/review/dashboard${province ? `?province=${province}` : ''}`);
    await expect(this.page.getByRole('heading', { level: 2, name: t('dashboard.levels') })).toBeVisible();
  }

  /** The tile "1/124 xã/phường đã gửi kết quả (0,8%)". */
  get submittedTile(): Locator {
    const words = literal(t('dashboard.submitted', { share: '§' })).replace('§', '.+');
    return this.page.getByRole('paragraph').filter({ hasText: new RegExp(`^\\d+/\\d+\\s+${words}$`) });
  }

  async expectSubmitted(submitted: number, total: number): Promise<void> {
    await expect(this.submittedTile).toHaveText(new RegExp(`^${submitted}/${total}(?!\\d)`));
  }
}

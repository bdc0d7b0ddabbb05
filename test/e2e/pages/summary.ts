/**
 * #/a/:id/summary — the result (index, level, gate notice, scores, radar, gap list), the
 * "Gửi lên tỉnh" panel and the province's comments; and #/a/:id/report, the printable page.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { formatIndex, levelName, literal, tx, type Lang } from './text';

export class SummaryPage {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}): string {
    return tx('summary', key, vars, this.lang);
  }

  async goto(id: string): Promise<void> {
    await this.page.goto(`./#/a/${encodeURIComponent(id)}/summary`);
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.t('title') })).toBeVisible();
  }

  /** "Chỉ số chuyển đổi số 74,5 /100" */
  get indexLine(): Locator {
    return this.page.getByText(this.t('index.label'), { exact: true }).locator('xpath=..');
  }

  async expectResult(index: number, level: number): Promise<void> {
    await expect(this.indexLine).toHaveText(
      new RegExp(`^${literal(this.t('index.label'))}\\s*${literal(formatIndex(index, this.lang))}\\s*/100$`),
    );
    await expect(
      this.page.getByText(this.t('level', { n: level, name: levelName(level, this.lang) }), { exact: true }),
    ).toBeVisible();
  }

  /** "Mức bị giới hạn ở 2 vì còn thành phần An ninh mạng thiết yếu chưa đạt “Đang triển khai”." */
  gateNotice(cap: number | '§' = '§'): Locator {
    const pattern = literal(this.t('gate.capped', { cap, groups: '§', tiers: '§', status: '§' })).replaceAll('§', '.+');
    return this.page.getByText(new RegExp(`^${pattern}$`));
  }

  /** The security gate's notice: capped at `cap`, what the index alone gives, and which codes to raise. */
  async expectGateNotice(cap: number, indexLevel: number, codes: readonly string[]): Promise<void> {
    await expect(this.gateNotice(cap)).toBeVisible();
    await expect(
      this.page.getByText(this.t('gate.indexLevel', { n: indexLevel, name: levelName(indexLevel, this.lang) }), { exact: true }),
    ).toBeVisible();
    await expect(this.page.getByText(this.t('gate.codes', { codes: codes.join(', ') }), { exact: true })).toBeVisible();
  }

  get radar(): Locator {
    return this.page.getByRole('img', {
      name: new RegExp(`^${literal(this.t('radar.aria', { values: '' }).replace(/:.*$/, ''))}`),
    });
  }

  /** The radar canvas is on screen and something has been drawn on it. */
  async expectRadarDrawn(): Promise<void> {
    await expect(this.radar).toBeVisible();
    await expect
      .poll(() =>
        this.radar.evaluate((el) => {
          const c = el as HTMLCanvasElement;
          if (c.width === 0 || c.height === 0) return 0;
          const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
          let painted = 0;
          for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
          return painted;
        }),
      )
      .toBeGreaterThan(1000);
  }

  get gapSection(): Locator {
    return this.page.getByRole('region', { name: this.t('gaps.title') });
  }

  get gaps(): Locator {
    return this.gapSection.getByRole('listitem');
  }

  /** The gap list: the first `shown` items, the gate item first, and "Xem tất cả (n)" for the rest. */
  async expectGaps(total: number, first: string, shown = 10): Promise<void> {
    await expect(this.gaps).toHaveCount(Math.min(total, shown));
    const top = this.gaps.first();
    await expect(top.getByRole('link', { name: first, exact: true })).toBeVisible();
    await expect(top.getByText(this.t('gaps.gate'), { exact: true })).toBeVisible();
    if (total > shown) {
      await this.gapSection.getByRole('button', { name: this.t('gaps.showAll', { n: total }) }).click();
      await expect(this.gaps).toHaveCount(total);
    }
  }

  async openReport(): Promise<ReportPage> {
    await this.page.getByRole('link', { name: this.t('toReport') }).click();
    const report = new ReportPage(this.page, this.lang);
    await report.expectShown();
    return report;
  }

  // ── Sending to the province (src/ui/sync/SubmitPanel) ──────────────────────────────────────

  get submitPanel(): Locator {
    return this.page.getByRole('region', { name: tx('sync', 'submit.title', {}, this.lang) });
  }

  /** "Gửi lên tỉnh" (or "Gửi lại lên tỉnh" after a return), then "Gửi" in the confirmation. */
  async submit(again = false): Promise<void> {
    await this.submitPanel
      .getByRole('button', { name: tx('sync', again ? 'submit.resend' : 'submit.button', {}, this.lang), exact: true })
      .click();
    const dialog = this.page.getByRole('dialog', { name: tx('sync', 'submit.confirmTitle', {}, this.lang) });
    await dialog.getByRole('button', { name: tx('sync', 'submit.confirm', {}, this.lang), exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  /** The sync badge of this assessment: "Trạng thái gửi: Đang chờ gửi" (the label is for screen readers). */
  async expectSyncState(state: 'queued' | 'sent' | 'accepted' | 'returned'): Promise<void> {
    const label = tx('sync-state', 'badge.label', { state: tx('sync-state', `state.${state}`, {}, this.lang) }, this.lang);
    await expect(this.submitPanel.getByText(label, { exact: true })).toBeVisible();
  }

  async expectQueued(): Promise<void> {
    await this.expectSyncState('queued');
    await expect(this.submitPanel.getByText(tx('sync', 'panel.queued', {}, this.lang))).toBeVisible();
  }

  async expectSent(revision: number): Promise<void> {
    await this.expectSyncState('sent');
    await expect(this.submitPanel.getByText(tx('sync', 'panel.sent', { revision }, this.lang))).toBeVisible();
  }

  get reviewComments(): Locator {
    return this.page.getByRole('region', { name: tx('sync', 'review.title', {}, this.lang) });
  }
}

/** #/a/:id/report — "Báo cáo tự đánh giá chuyển đổi số cấp xã". */
export class ReportPage {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {}

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: tx('summary', 'report.title', {}, this.lang) })).toBeVisible();
  }

  /** "Chỉ số: 74,5/100 — Mức 2 — Cơ bản" */
  async expectResult(index: number, level: number): Promise<void> {
    const levelText = tx('summary', 'level', { n: level, name: levelName(level, this.lang) }, this.lang);
    const line = tx('summary', 'report.indexLine', { index: formatIndex(index, this.lang), level: levelText }, this.lang);
    await expect(this.page.getByText(line)).toBeVisible();
  }
}

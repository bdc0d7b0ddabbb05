/** #/settings — language, connection to the province, storage, backup and restore. */
import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { tx, type Lang } from './text';

const LANGUAGE_NAMES: Record<Lang, string> = { vi: 'Tiếng Việt', en: 'English' };

export class SettingsPage {
  constructor(
    readonly page: Page,
    public lang: Lang = 'vi',
  ) {}

  private t(key: string, vars: Record<string, string | number> = {}): string {
    return tx('settings', key, vars, this.lang);
  }

  async goto(): Promise<void> {
    await this.page.goto('./#/settings');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: this.t('title') })).toBeVisible();
  }

  /** Each language is named in itself ("Tiếng Việt", "English"). */
  async chooseLanguage(lang: Lang): Promise<void> {
    await this.page.getByRole('radio', { name: LANGUAGE_NAMES[lang] }).check();
    this.lang = lang;
    await this.expectShown();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang);
  }

  get backup(): Locator {
    return this.page.getByRole('region', { name: this.t('backup.title') });
  }

  /** "Tải tệp sao lưu" → the browser's download. */
  async exportBackup(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.backup.getByRole('button', { name: this.t('backup.export') }).click(),
    ]);
    await expect(this.backup.getByRole('status')).toContainText(download.suggestedFilename());
    return download;
  }

  /** "Khôi phục từ tệp": the file input behind the label. */
  async importBackup(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.backup.getByLabel(this.t('backup.import')).setInputFiles(file);
  }

  /** The import report: "Đã khôi phục xong" and its counts. */
  get importReport(): Locator {
    return this.backup.getByRole('status').filter({ has: this.page.getByRole('heading', { name: this.t('backup.importDone') }) });
  }

  /** One count of the import report, e.g. reportCount('answersAdded'). */
  reportCount(key: string): Locator {
    return this.importReport.getByText(this.t(`backup.report.${key}`), { exact: true }).locator('xpath=following-sibling::dd[1]');
  }

  get importError(): Locator {
    return this.backup.getByRole('alert');
  }
}

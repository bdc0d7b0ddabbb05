/** #/ — "Đánh giá chuyển đổi số": the assessments on this phone. */
import { expect, type Locator, type Page } from '@playwright/test';
import { NewAssessmentPage } from './new-assessment';
import { tx, type Lang } from './text';

export class HomePage {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {}

  async goto(): Promise<void> {
    await this.page.goto('./');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: tx('home', 'title', {}, this.lang) })).toBeVisible();
  }

  get emptyState(): Locator {
    return this.page.getByRole('heading', { name: tx('home', 'empty.title', {}, this.lang) });
  }

  get list(): Locator {
    return this.page.getByRole('list', { name: tx('home', 'listLabel', {}, this.lang) });
  }

  /** "Mở đánh giá Xã Đắk Liêng, kỳ 2026" */
  openLink(commune: string, period: string): Locator {
    return this.page.getByRole('link', { name: tx('home', 'item.openLabel', { name: commune, period }, this.lang) });
  }

  async open(commune: string, period: string): Promise<void> {
    await this.openLink(commune, period).click();
  }

  async startNew(): Promise<NewAssessmentPage> {
    await this.page.getByRole('link', { name: tx('home', 'new', {}, this.lang) }).click();
    const form = new NewAssessmentPage(this.page);
    await form.expectShown();
    return form;
  }

  /** Waits until the service worker controls the page: from now on the app works offline. */
  async waitUntilOfflineReady(): Promise<void> {
    await this.page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  }
}

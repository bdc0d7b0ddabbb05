/** #/new — "Tạo bản tự đánh giá": province, commune search, area types, period, helpers. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { AreaType } from '../../../src/domain/types';
import { literal, tx } from './text';

export interface NewAssessmentInput {
  province: string;
  communeQuery: string;
  commune: string;
  areaTypes: readonly AreaType[];
  period: string;
  helpers?: string;
}

export class NewAssessmentPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('./#/new');
    await this.expectShown();
  }

  async expectShown(): Promise<void> {
    await expect(this.page.getByRole('heading', { level: 1, name: tx('assess', 'new.title') })).toBeVisible();
  }

  get provinceSelect(): Locator {
    return this.page.getByLabel(tx('assess', 'new.province.label'), { exact: true });
  }

  get communeSearch(): Locator {
    return this.page.getByRole('searchbox', { name: tx('assess', 'new.commune.label') });
  }

  get results(): Locator {
    return this.page.getByRole('list', { name: tx('assess', 'new.commune.results') });
  }

  /** A search result: its name followed by the unit type ("Xã Đắk Liêng xã"). */
  result(commune: string): Locator {
    return this.results.getByRole('button', { name: new RegExp(`^${literal(commune)}\\s`) });
  }

  async chooseProvince(name: string): Promise<void> {
    await this.provinceSelect.selectOption({ label: name });
  }

  async search(query: string): Promise<void> {
    await this.communeSearch.fill(query);
  }

  async pickCommune(name: string): Promise<void> {
    await this.result(name).click();
    await expect(this.page.getByText(tx('assess', 'new.commune.selected'))).toContainText(name);
  }

  async chooseAreaTypes(types: readonly AreaType[]): Promise<void> {
    for (const type of types) await this.page.getByRole('checkbox', { name: tx('assess', `areaType.${type}`) }).check();
  }

  /** Fills the form and creates the assessment; returns its id (from the checklist's address). */
  async create(input: NewAssessmentInput): Promise<string> {
    await this.chooseProvince(input.province);
    await this.search(input.communeQuery);
    await this.pickCommune(input.commune);
    await this.chooseAreaTypes(input.areaTypes);
    await this.page.getByRole('textbox', { name: tx('assess', 'new.period.label'), exact: true }).fill(input.period);
    if (input.helpers) await this.page.getByRole('textbox', { name: tx('assess', 'new.helpers.label') }).fill(input.helpers);
    await this.page.getByRole('button', { name: tx('assess', 'new.create'), exact: true }).click();
    await expect(this.page).toHaveURL(/#\/a\/[^/?]+$/);
    const id = decodeURIComponent(new URL(this.page.url()).hash.replace(/^#\/a\//, ''));
    await expect(this.page.getByRole('heading', { level: 1, name: input.commune })).toBeVisible();
    return id;
  }
}

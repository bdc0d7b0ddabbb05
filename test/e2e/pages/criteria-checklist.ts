/**
 * The checklist of an assessment under a criteria set (src/ui/screens/Checklist/CriteriaChecklist):
 * one card per indicator, found by its code; each input kind answered as an officer would.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { CriteriaIndicator } from '../../../src/domain/criteria';
import { tx } from './text';

/** What the spec answers: a status, yes/no, an option id, or the text typed in the boxes. */
export type IndicatorEntry =
  { status: 0 | 1 | 2 | 3 } | { yes: boolean } | { option: string } | { text: string } | { a: string; b: string };

export class CriteriaChecklistPage {
  constructor(readonly page: Page) {}

  card(code: string): Locator {
    return this.page.locator(`article#c-${code}`);
  }

  saved(code: string): Locator {
    return this.card(code).getByText(tx('assess', 'checklist.save.saved'), { exact: true });
  }

  box(code: string, which: 'a' | 'b'): Locator {
    return this.card(code).locator(`input#c-${code}-${which}`);
  }

  /** Answers one indicator and waits for "Đã lưu" (committed to IndexedDB). */
  async answer(ind: CriteriaIndicator, entry: IndicatorEntry): Promise<void> {
    const card = this.card(ind.code);
    await card.scrollIntoViewIfNeeded();
    if ('status' in entry) {
      await card.locator(`input#c-${ind.code}-st-${entry.status}`).check();
    } else if ('yes' in entry) {
      await card.getByRole('radio', { name: tx('criteria', entry.yes ? 'card.yes' : 'card.no'), exact: true }).check();
    } else if ('option' in entry) {
      await card.locator(`input#c-${ind.code}-opt-${entry.option}`).check();
    } else if ('text' in entry) {
      await this.box(ind.code, 'a').fill(entry.text);
    } else {
      await this.box(ind.code, 'a').fill(entry.a);
      await this.box(ind.code, 'b').fill(entry.b);
    }
    await expect(this.saved(ind.code)).toBeVisible();
  }

  /** "12/20 điểm" on the card. */
  async expectPoints(code: string, points: string, max: number): Promise<void> {
    await expect(this.card(code).getByText(tx('criteria', 'card.points', { points, max }), { exact: true })).toBeVisible();
  }
}

/**
 * #/a/:id — the checklist. Groups are <details> sections titled "HTS Thành phần Hạ tầng số";
 * each component is an <article> named "HTS7 Mạng nội bộ…" with a status radio group, text fields
 * and its save state ("Đã lưu" only once IndexedDB has committed).
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { Status } from '../../../src/domain/types';
import { groupOf, type FixtureAnswer } from '../fixtures';
import { literal, statusName, tx, type Lang } from './text';

/** The words of a status in the status picker: the methodology's scale for 0–3, the locale's N/A. */
export function statusLabel(status: Status, lang: Lang = 'vi'): string {
  return status === 'na' ? tx('assess', 'status.na', {}, lang) : statusName(status, lang);
}

export class ChecklistPage {
  constructor(
    readonly page: Page,
    readonly lang: Lang = 'vi',
  ) {}

  async goto(id: string, code?: string): Promise<void> {
    await this.page.goto(`./#/a/${encodeURIComponent(id)}${code ? `?code=${encodeURIComponent(code)}` : ''}`);
    await this.expectLoaded();
  }

  async expectLoaded(): Promise<void> {
    await expect(
      this.page.getByRole('heading', {
        level: 2,
        name: new RegExp(`^${literal(tx('assess', 'checklist.layer', { n: 1, name: '' }, this.lang))}`),
      }),
    ).toBeVisible();
  }

  groupHeading(group: string): Locator {
    return this.page.getByRole('heading', { level: 3, name: new RegExp(`^${group} `) });
  }

  group(group: string): Locator {
    return this.page.locator('details').filter({ has: this.groupHeading(group) });
  }

  /** The group's progress line, e.g. "9/9 đã trả lời". */
  groupProgress(group: string): Locator {
    return this.group(group).getByText(
      new RegExp(`^${tx('assess', 'checklist.groupProgress', { answered: '\\d+', total: '\\d+' }, this.lang)}`),
    );
  }

  async openGroup(group: string): Promise<void> {
    const details = this.group(group);
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await this.groupHeading(group).click();
    await expect(details).toHaveAttribute('open', '');
  }

  card(code: string): Locator {
    return this.page.getByRole('article', { name: new RegExp(`^${code} `) });
  }

  statusRadio(code: string, status: Status): Locator {
    return this.card(code).getByRole('radio', { name: statusLabel(status, this.lang), exact: true });
  }

  note(code: string): Locator {
    return this.card(code).getByRole('textbox', { name: tx('assess', 'checklist.note.label', {}, this.lang) });
  }

  /** "Thêm ghi chú": the note stays closed until asked for (issue #10 item 5). */
  noteOpener(code: string): Locator {
    return this.card(code).getByRole('button', { name: tx('assess', 'checklist.note.add', {}, this.lang) });
  }

  /** "Tiếp theo ↓": brings the next unanswered component on screen. */
  nextButton(code: string): Locator {
    return this.card(code).getByRole('button', { name: tx('assess', 'checklist.next', {}, this.lang) });
  }

  /** Opens the card's note field when it is still closed (it opens on demand, issue #10 item 5). */
  async openNote(code: string): Promise<void> {
    if ((await this.note(code).count()) > 0) return;
    await this.noteOpener(code).click();
    await expect(this.note(code)).toBeFocused();
  }

  naReason(code: string): Locator {
    return this.card(code).getByRole('textbox', { name: tx('assess', 'checklist.naReason.label', {}, this.lang) });
  }

  openName(code: string): Locator {
    return this.card(code).getByRole('textbox', { name: tx('assess', 'checklist.openName.label', {}, this.lang) });
  }

  saveState(code: string): Locator {
    return this.card(code).getByText(tx('assess', 'checklist.save.saved', {}, this.lang), { exact: true });
  }

  /**
   * Answers one component (its group must be open) and waits until the card says "Đã lưu".
   * Text typed before the status goes out with the status's save; the N/A reason, which appears
   * only once N/A is chosen, goes out after the typing pause.
   */
  async answer(code: string, a: FixtureAnswer): Promise<void> {
    if (a.openName !== undefined) await this.openName(code).fill(a.openName);
    if (a.note !== undefined) {
      await this.openNote(code);
      await this.note(code).fill(a.note);
    }
    await this.statusRadio(code, a.status).check();
    if (a.status === 'na') await this.naReason(code).fill(a.naReason ?? '');
    await expect(this.saveState(code)).toBeVisible();
  }

  /** Answers every given component, opening each group on the way (catalogue order). */
  async answerAll(answers: Readonly<Record<string, FixtureAnswer>>): Promise<void> {
    let open = '';
    for (const [code, a] of Object.entries(answers)) {
      const group = groupOf(code);
      if (group !== open) {
        await this.openGroup(group);
        open = group;
      }
      await this.answer(code, a);
    }
  }

  /** The card shows exactly this answer (after a reload, a restore…). */
  async expectAnswer(code: string, a: FixtureAnswer): Promise<void> {
    await expect(this.statusRadio(code, a.status)).toBeChecked();
    if (a.note) await expect(this.note(code)).toHaveValue(a.note);
    // No note: an empty field, or none at all on a locked assessment.
    else expect(await this.note(code).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value).join(''))).toBe('');
    if (a.openName !== undefined) await expect(this.openName(code)).toHaveValue(a.openName);
    if (a.status === 'na') await expect(this.naReason(code)).toHaveValue(a.naReason ?? '');
  }

  async expectAnswers(answers: Readonly<Record<string, FixtureAnswer>>): Promise<void> {
    const groups = [...new Set(Object.keys(answers).map(groupOf))];
    for (const group of groups) await this.openGroup(group);
    for (const [code, a] of Object.entries(answers)) await this.expectAnswer(code, a);
  }

  /** "Xem kết quả": the link at the foot of the checklist. */
  async toSummary(): Promise<void> {
    await this.page
      .getByRole('link', { name: tx('assess', 'checklist.toSummary', {}, this.lang) })
      .first()
      .click();
  }
}

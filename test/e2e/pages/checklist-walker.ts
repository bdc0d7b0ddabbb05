/**
 * A person answering a whole checklist on a 360×640 phone, counted: every tap, and every pixel
 * they scroll to bring the next thing to tap into view (issue #10 item 5). The walker scrolls
 * only as far as needed (the target's edge just inside the part of the screen the sticky header
 * and bottom notices leave free), then taps. Scrolls the app makes itself (e.g. after "next
 * unanswered") are counted apart: they cost the person nothing but a tap.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { groupOf, type FixtureAnswer } from '../fixtures';
import { ChecklistPage } from './checklist';
import { tx } from './text';

export interface WalkFigures {
  components: number;
  taps: number;
  /** Pixels the person scrolled (sum of every scroll, up or down). */
  scrolledPx: number;
  /** The same in 640-px screens. */
  screens: number;
  /** Pixels the app scrolled by itself (jumps to the next unanswered card). */
  appScrolledPx: number;
  /** Tap targets smaller than 44×44 CSS px that the walk had to tap (code: width×height). */
  smallTargets: string[];
}

const MARGIN = 8;

export class ChecklistWalker {
  private taps = 0;
  private scrolled = 0;
  private small = new Set<string>();
  private appScrolled = 0;
  readonly checklist: ChecklistPage;

  constructor(readonly page: Page) {
    this.checklist = new ChecklistPage(page);
  }

  /** Starts counting app scrolls (call on the loaded checklist, before the first tap). */
  async start(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __walk: { last: number; total: number } };
      w.__walk = { last: window.scrollY, total: 0 };
      window.addEventListener('scroll', () => {
        w.__walk.total += Math.abs(window.scrollY - w.__walk.last);
        w.__walk.last = window.scrollY;
      });
    });
  }

  /** Scrolls the least that shows the whole target between the header and the bottom notices. */
  private async reveal(target: Locator): Promise<void> {
    const delta = await target.evaluate((el, margin) => {
      const box = (el.closest('label, summary') ?? el).getBoundingClientRect();
      const header = document.querySelector('.app-header')?.getBoundingClientRect().bottom ?? 0;
      const notices = document.querySelector('.app-notices');
      const noticeTop = notices && notices.getBoundingClientRect().height > 0 ? notices.getBoundingClientRect().top : innerHeight;
      const bottom = Math.min(innerHeight, noticeTop);
      if (box.bottom > bottom) return box.bottom - bottom + margin;
      if (box.top < header) return box.top - header - margin;
      return 0;
    }, MARGIN);
    if (delta === 0) return;
    const moved = await this.page.evaluate((d) => {
      const before = window.scrollY;
      window.scrollBy(0, d);
      return Math.abs(window.scrollY - before);
    }, delta);
    this.scrolled += moved;
  }

  /** One tap on a target brought into view; notes a target under 44×44 px. */
  async tap(target: Locator, what: string, act: (l: Locator) => Promise<void> = (l) => l.click()): Promise<void> {
    await target.waitFor({ state: 'attached' });
    await this.reveal(target);
    const size = await target.evaluate((el) => {
      const b = (el.closest('label, summary') ?? el).getBoundingClientRect();
      return { w: Math.round(b.width), h: Math.round(b.height) };
    });
    if (size.w < 44 || size.h < 44) this.small.add(`${what}: ${size.w}×${size.h}`);
    this.taps += 1;
    await act(target);
  }

  private async openGroup(group: string): Promise<void> {
    const details = this.checklist.group(group);
    if (await details.evaluate((d) => (d as HTMLDetailsElement).open)) return;
    await this.tap(this.checklist.groupHeading(group), `group ${group}`);
    await expect(details).toHaveAttribute('open', '');
  }

  /** A text field, opened first where the card keeps it behind a button. */
  private async fillText(
    code: string,
    field: Locator,
    opener: (() => Locator) | undefined,
    value: string,
    what: string,
  ): Promise<void> {
    if (opener && (await field.count()) === 0) await this.tap(opener(), `${code} ${what} opener`);
    await this.tap(field, `${code} ${what}`, (l) => l.fill(value));
  }

  private async answer(code: string, a: FixtureAnswer): Promise<void> {
    const c = this.checklist;
    if (a.openName !== undefined) await this.fillText(code, c.openName(code), undefined, a.openName, 'name');
    if (a.note !== undefined) await this.fillText(code, c.note(code), () => c.noteOpener(code), a.note, 'note');
    await this.tap(c.statusRadio(code, a.status), `${code} status`, (l) => l.check());
    if (a.status === 'na') await this.fillText(code, c.naReason(code), undefined, a.naReason ?? '', 'reason');
    await expect(c.saveState(code)).toBeVisible();
  }

  /**
   * Answers every component in catalogue order. `scroll`: as a person scrolling down the list
   * would, opening each group. `next`: after each answer, the card's "Tiếp theo ↓" (the app opens
   * the next group and brings the next unanswered card up).
   */
  async answerAll(answers: Readonly<Record<string, FixtureAnswer>>, way: 'scroll' | 'next' = 'scroll'): Promise<void> {
    const codes = Object.keys(answers);
    for (const [i, code] of codes.entries()) {
      await this.openGroup(groupOf(code));
      await this.answer(code, answers[code] as FixtureAnswer);
      if (way === 'next') {
        await this.tap(this.checklist.nextButton(code), `${code} next`);
        const following = codes[i + 1];
        if (following) await expect(this.checklist.card(following)).toBeFocused();
      }
    }
    // Read before leaving: the next screen starts at the top, a scroll the walk did not make.
    this.appScrolled = await this.page.evaluate(() => (window as unknown as { __walk: { total: number } }).__walk.total);
    await this.tap(this.page.getByRole('link', { name: tx('assess', 'checklist.toSummary') }).last(), 'to summary');
  }

  figures(components: number): WalkFigures {
    return {
      components,
      taps: this.taps,
      scrolledPx: Math.round(this.scrolled),
      screens: Math.round((this.scrolled / 640) * 10) / 10,
      appScrolledPx: Math.max(0, Math.round(this.appScrolled - this.scrolled)),
      smallTargets: [...this.small],
    };
  }
}

/**
 * Saving one card's answer. Every save sends the card's whole draft, so the latest
 * save to succeed holds everything the user had typed by then; the state shown is
 * the outcome of the latest save. "saved" is reported only after the store's promise
 * resolved.
 *
 * Nothing waits on a timer: a phone can die (battery, the OS killing the tab) at any
 * moment, and text typed a quarter of a second earlier must already be in IndexedDB
 * (defect D6 of the reliability suite). A status change goes out at once. Typed text
 * goes out at once too when no save of this card is in flight; while one is, only the
 * newest draft waits and goes out the moment it settles. So a burst of keystrokes
 * costs at most one transaction in flight plus one queued, never one per key.
 *
 * A save calls the store BEFORE it reports "saving": the store opens its IndexedDB transaction
 * in a microtask, and a state report queues the card's re-render as one too; in this order the
 * transaction starts first and the re-render runs while IndexedDB works (issue #4).
 * Each save is timed from the moment its change was handled to the commit (save-timing.ts).
 * No DOM and no Preact: the card owns one CardSaver and renders its state.
 */
import type { AnswerPatch } from '../../../db';
import type { Answer, Status } from '../../../domain/types';
import { handledAt, measureSave } from './save-timing';

export interface Draft {
  status: Status | null;
  note: string;
  naReason: string;
  openName: string;
}

export type SaveState =
  { kind: 'idle' } | { kind: 'pending' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; error: unknown };

export type { AnswerPatch };

export interface CardSaverOptions {
  /**
   * Resolves once committed; may first report when the commit happened (for the timing).
   * `stored`: the answer this card last saw stored, so the store can write without reading first.
   */
  save: (patch: AnswerPatch, onCommit: (committedAt: number) => void, stored: Answer | undefined) => Promise<Answer>;
  /** The stored answer when the card mounted. */
  stored?: Answer;
  onState: (s: SaveState) => void;
  onSaved: (a: Answer) => void;
  /** Which text fields this component has: an open name only for "…khác" items. */
  fields: { naReason: boolean; openName: boolean };
}

export function draftFromAnswer(a: Answer | undefined): Draft {
  return {
    status: a?.status ?? null,
    note: a?.note ?? '',
    naReason: a?.naReason ?? '',
    openName: a?.openName ?? '',
  };
}

/**
 * The patch for a draft: the text as typed (the store trims it and makes it NFC, once), no
 * status while unanswered.
 */
export function patchFromDraft(d: Draft, fields: CardSaverOptions['fields']): AnswerPatch {
  const p: AnswerPatch = { note: d.note };
  if (d.status !== null) p.status = d.status;
  if (fields.naReason) p.naReason = d.naReason;
  if (fields.openName) p.openName = d.openName;
  return p;
}

export class CardSaver {
  private seq = 0;
  private inFlight = 0;
  private waiting: Draft | undefined;
  /** When the oldest change in the waiting draft was handled. */
  private waitingSince = 0;
  private disposed = false;
  /** What the latest save to succeed stored: the base of the next one. */
  private stored: Answer | undefined;

  constructor(private readonly opts: CardSaverOptions) {
    this.stored = opts.stored;
  }

  /**
   * Save the draft now (a status change, a retry). Supersedes a waiting text save.
   * `at`: when the change was handled (performance.now() clock), for the timing.
   */
  saveNow(draft: Draft, at = handledAt()): Promise<void> {
    // The draft carries the waiting text too: time it from the older of the two changes.
    const since = this.waiting ? Math.min(this.waitingSince, at) : at;
    this.waiting = undefined;
    return this.send(draft, since);
  }

  /** Save typed text: at once, or right after the save in flight if there is one. */
  saveTyped(draft: Draft, at = handledAt()): void {
    if (this.inFlight === 0) {
      this.waiting = undefined;
      void this.send(draft, at);
      return;
    }
    if (!this.waiting) this.waitingSince = at;
    this.waiting = draft;
    this.emit({ kind: 'pending' });
  }

  /** Send a waiting text save now (blur, page hidden, leaving the screen). */
  flush(): Promise<void> {
    const d = this.waiting;
    this.waiting = undefined;
    return d ? this.send(d, this.waitingSince) : Promise.resolve();
  }

  get hasWaiting(): boolean {
    return this.waiting !== undefined;
  }

  /** Leaving: send what is waiting, then report nothing more. */
  dispose(): void {
    void this.flush();
    this.disposed = true;
  }

  private async send(draft: Draft, at: number): Promise<void> {
    const mine = ++this.seq;
    this.inFlight++;
    // The store first, then the report (see the top of this file).
    let committedAt: number | undefined;
    const pending = this.callStore(draft, (t) => (committedAt = handledAt(t)));
    this.emit({ kind: 'saving' });
    try {
      const answer = await pending;
      this.stored = answer;
      measureSave(at, committedAt);
      if (!this.disposed) this.opts.onSaved(answer);
      if (mine === this.seq && !this.waiting) this.emit({ kind: 'saved' });
    } catch (error) {
      if (mine === this.seq) this.emit({ kind: 'error', error });
    } finally {
      this.inFlight--;
      // The newest typed draft goes out as soon as nothing of this card is in flight.
      if (this.inFlight === 0 && this.waiting) void this.flush();
    }
  }

  /** The store's promise; a store that throws at once becomes a rejected promise. */
  private callStore(draft: Draft, onCommit: (committedAt: number) => void): Promise<Answer> {
    try {
      return this.opts.save(patchFromDraft(draft, this.opts.fields), onCommit, this.stored);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private emit(s: SaveState): void {
    if (!this.disposed) this.opts.onState(s);
  }
}

/**
 * Saving one card's answer. Every save sends the card's whole draft, so the latest
 * save to succeed holds everything the user had typed by then; the state shown is
 * the outcome of the latest save. Status changes go out at once; text goes out after
 * a short pause in typing (DEBOUNCE_MS) or when the field loses focus (flush).
 * "saved" is reported only after the store's promise resolved.
 * No DOM and no Preact: the card owns one CardSaver and renders its state.
 */
import type { Answer, Status } from '../../../domain/types';

export const DEBOUNCE_MS = 250;

export interface Draft {
  status: Status | null;
  note: string;
  naReason: string;
  openName: string;
}

export interface AnswerPatch {
  status?: Status;
  note?: string;
  naReason?: string;
  openName?: string;
}

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'error'; error: unknown };

export interface CardSaverOptions {
  save: (patch: AnswerPatch) => Promise<Answer>;
  onState: (s: SaveState) => void;
  onSaved: (a: Answer) => void;
  /** Which text fields this component has: an open name only for "…khác" items. */
  fields: { naReason: boolean; openName: boolean };
  delay?: number;
}

export function draftFromAnswer(a: Answer | undefined): Draft {
  return {
    status: a?.status ?? null,
    note: a?.note ?? '',
    naReason: a?.naReason ?? '',
    openName: a?.openName ?? '',
  };
}

/** The patch for a draft: NFC text as typed (not trimmed while typing), no status while unanswered. */
export function patchFromDraft(d: Draft, fields: CardSaverOptions['fields']): AnswerPatch {
  const p: AnswerPatch = { note: d.note.normalize('NFC') };
  if (d.status !== null) p.status = d.status;
  if (fields.naReason) p.naReason = d.naReason.normalize('NFC');
  if (fields.openName) p.openName = d.openName.normalize('NFC');
  return p;
}

export class CardSaver {
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private waiting: Draft | undefined;
  private disposed = false;

  constructor(private readonly opts: CardSaverOptions) {}

  /** Save the draft now (a status change, a retry). Supersedes a waiting text save. */
  saveNow(draft: Draft): Promise<void> {
    this.clearTimer();
    this.waiting = undefined;
    return this.send(draft);
  }

  /** Save the draft after a pause in typing. */
  saveLater(draft: Draft): void {
    this.waiting = draft;
    this.clearTimer();
    this.emit({ kind: 'pending' });
    this.timer = setTimeout(() => void this.flush(), this.opts.delay ?? DEBOUNCE_MS);
  }

  /** Send a waiting text save now (blur, page hidden, leaving the screen). */
  flush(): Promise<void> {
    const d = this.waiting;
    this.clearTimer();
    this.waiting = undefined;
    return d ? this.send(d) : Promise.resolve();
  }

  get hasWaiting(): boolean {
    return this.waiting !== undefined;
  }

  /** Leaving: send what is waiting, then report nothing more. */
  dispose(): void {
    void this.flush();
    this.disposed = true;
  }

  private async send(draft: Draft): Promise<void> {
    const mine = ++this.seq;
    this.emit({ kind: 'saving' });
    try {
      const answer = await this.opts.save(patchFromDraft(draft, this.opts.fields));
      if (!this.disposed) this.opts.onSaved(answer);
      if (mine === this.seq && !this.waiting) this.emit({ kind: 'saved' });
    } catch (error) {
      if (mine === this.seq) this.emit({ kind: 'error', error });
    }
  }

  private emit(s: SaveState): void {
    if (!this.disposed) this.opts.onState(s);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

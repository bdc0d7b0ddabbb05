/**
 * Saving one indicator card's answer. Each patch carries the card's whole answer for its input
 * (a status, or a value), so the newest patch supersedes an older one not yet sent: at most one
 * save in flight and one waiting, never one per keystroke queued up. "saved" is reported only
 * once the store's promise resolved (IndexedDB committed); a failed save keeps the patch for
 * "Thử lưu lại" and the card keeps what was typed. No DOM and no Preact.
 */
import type { AnswerPatch } from '../../../db';
import type { Answer } from '../../../domain/types';
import type { SaveState } from './card-saver';

export interface PatchSaverOptions {
  /** Resolves once committed. `stored`: what this card last saw stored. */
  save: (patch: AnswerPatch, stored: Answer | undefined) => Promise<Answer>;
  stored?: Answer | undefined;
  onState: (s: SaveState) => void;
  onSaved: (a: Answer) => void;
}

export class PatchSaver {
  private inFlight = false;
  private waiting: AnswerPatch | undefined;
  private failed: AnswerPatch | undefined;
  private stored: Answer | undefined;
  private disposed = false;

  constructor(private readonly opts: PatchSaverOptions) {
    this.stored = opts.stored;
  }

  save(patch: AnswerPatch): void {
    this.failed = undefined;
    if (this.inFlight) {
      this.waiting = patch;
      this.emit({ kind: 'pending' });
      return;
    }
    void this.send(patch);
  }

  retry(): void {
    if (this.failed) this.save(this.failed);
  }

  dispose(): void {
    this.disposed = true;
  }

  private async send(patch: AnswerPatch): Promise<void> {
    this.inFlight = true;
    let pending: Promise<Answer>;
    try {
      pending = this.opts.save(patch, this.stored);
    } catch (error) {
      pending = Promise.reject(error);
    }
    this.emit({ kind: 'saving' });
    try {
      const answer = await pending;
      this.stored = answer;
      if (!this.disposed) this.opts.onSaved(answer);
      if (!this.waiting) this.emit({ kind: 'saved' });
    } catch (error) {
      if (!this.waiting) {
        this.failed = patch;
        this.emit({ kind: 'error', error });
      }
    } finally {
      this.inFlight = false;
      const next = this.waiting;
      this.waiting = undefined;
      if (next) void this.send(next);
    }
  }

  private emit(s: SaveState): void {
    if (!this.disposed) this.opts.onState(s);
  }
}

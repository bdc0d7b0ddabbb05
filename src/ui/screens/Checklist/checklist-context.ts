/**
 * What every group and card of one checklist shares, passed down as one object (issue #8 item 4):
 * built once per checklist (its members are stable), so a memoised group re-renders only when
 * its own counts change, never because this object did.
 */
import type { Answer, CatalogueTranslation, Methodology, Status } from '../../../domain/types';
import type { ComponentGuidanceEntry } from '../../../domain/guidance';
import type { AnswerPatch } from './card-saver';

export interface ChecklistContext {
  /** The assessment on screen (its cards' evidence is kept under it). */
  assessmentId: string;
  /** The latest stored answer of a component: a card's draft when it mounts. */
  answerFor: (code: string) => Answer | undefined;
  choicesFor: (code: string) => readonly Status[];
  translation: CatalogueTranslation | undefined;
  methodology: Methodology;
  lang: string;
  readOnly: boolean;
  /**
   * Saves one change. `onCommit`: told when IndexedDB committed (performance.now() clock), for the
   * save timing. `stored`: what the card last saw stored for this code (the store writes without reading it).
   */
  save: (code: string, patch: AnswerPatch, onCommit?: (committedAt: number) => void, stored?: Answer) => Promise<Answer>;
  onSaved: (a: Answer) => void;
  /** Registers a card's "write the waiting text now" (page hidden or closed); returns the unregister. */
  registerFlush: (flush: () => void) => () => void;
  /** Brings the next unanswered component after `code` on screen (its group opened) and focuses it. */
  goToNextUnanswered: (code: string) => void;
  /** The province's comment on a component once it returned or accepted the assessment (issue #10 item 8). */
  reviewCommentFor: (code: string) => string | undefined;
  /** What the component means and its levels ("Hướng dẫn"); undefined when the guidance could not load. */
  guidanceFor: (code: string) => ComponentGuidanceEntry | undefined;
}

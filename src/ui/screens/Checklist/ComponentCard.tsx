/**
 * One answerable component. A class so that shouldComponentUpdate keeps a save in one
 * card from re-rendering the other seventy: the card owns its draft and save state,
 * and re-renders only when those or its own display props change.
 */
import { Component } from 'preact';
import type { CatalogueComponent, Status } from '../../../domain/types';
import { CardSaver, draftFromAnswer } from './card-saver';
import type { Draft, SaveState } from './card-saver';
import { CardView } from './CardView';
import type { ChecklistContext } from './checklist-context';
import { cardId } from './card-ids';
import { handledAt } from './save-timing';

export interface ComponentCardProps {
  component: CatalogueComponent;
  label: string;
  labelLang: string;
  /** The checklist's shared pieces (one stable object); the stored answer when the card mounts comes from it. */
  ctx: ChecklistContext;
}

interface State {
  draft: Draft;
  save: SaveState;
  /** The note field is shown on demand ("Thêm ghi chú"), or at once when the answer has a note. */
  noteOpen: boolean;
  /** Saves confirmed so far: the confirmation of each save is its own change of the DOM. */
  saves: number;
}

/**
 * How long a status save may take before the card says "Đang lưu…". Quicker saves go from the
 * tap straight to "Đã lưu": nothing is rendered in between (issue #16 item 1).
 */
const SHOW_SAVING_AFTER_MS = 150;

type TextField = 'note' | 'naReason' | 'openName';

export class ComponentCard extends Component<ComponentCardProps, State> {
  private saver: CardSaver;
  private unregister: (() => void) | undefined;
  /** The draft as the user left it; `state.draft` follows it at the next render. */
  private draft: Draft;
  private savingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(props: ComponentCardProps) {
    super(props);
    const c = props.component;
    const draft = draftFromAnswer(props.ctx.answerFor(c.code));
    this.draft = draft;
    this.state = { draft, save: { kind: 'idle' }, noteOpen: draft.note !== '', saves: 0 };
    this.saver = new CardSaver({
      save: (patch, onCommit, stored) => this.props.ctx.save(c.code, patch, onCommit, stored),
      stored: props.ctx.answerFor(c.code),
      onState: (save) => this.showSave(save),
      onSaved: (a) => this.props.ctx.onSaved(a),
      fields: { naReason: props.ctx.choicesFor(c.code).includes('na'), openName: c.open },
    });
  }

  override componentDidMount() {
    this.unregister = this.props.ctx.registerFlush(() => void this.saver.flush());
  }

  override componentWillUnmount() {
    this.unregister?.();
    this.saver.dispose();
    clearTimeout(this.savingTimer);
  }

  /**
   * Between a tap and its commit the main thread stays free for IndexedDB: the radio has already
   * changed in the DOM, and the card renders once, with "Đã lưu", when the commit is known. A
   * slow save still says "Đang lưu…" (after SHOW_SAVING_AFTER_MS). Typed text renders as before.
   */
  private showSave(save: SaveState) {
    clearTimeout(this.savingTimer);
    this.savingTimer = undefined;
    if (save.kind === 'saving' && this.state.save.kind !== 'pending') {
      this.savingTimer = setTimeout(() => this.setState({ save, draft: this.draft }), SHOW_SAVING_AFTER_MS);
      return;
    }
    this.setState((s) => ({ save, draft: this.draft, saves: save.kind === 'saved' ? s.saves + 1 : s.saves }));
  }

  override shouldComponentUpdate(next: ComponentCardProps, nextState: State) {
    const p = this.props;
    return nextState !== this.state || next.label !== p.label || next.labelLang !== p.labelLang || next.ctx !== p.ctx;
  }

  // Save first, then setState: the store's transaction is queued before the re-render, so
  // nothing runs on the main thread between the tap and the start of the write (issue #4).
  // `at` is the event's timestamp, the start of the save's timing (save-timing.ts).
  private setStatus = (status: Status, at?: number) => {
    if (this.props.ctx.readOnly) return;
    const draft = { ...this.draft, status };
    this.draft = draft;
    // No setState here: the card renders when the save reports (showSave).
    void this.saver.saveNow(draft, handledAt(at));
  };

  private setText = (field: TextField, value: string, at?: number) => {
    if (this.props.ctx.readOnly) return;
    const draft = { ...this.draft, [field]: value };
    this.draft = draft;
    this.saver.saveTyped(draft, handledAt(at));
    this.setState({ draft });
  };

  private flush = () => {
    void this.saver.flush();
  };

  private openNote = () => {
    // The field exists once rendered: focus it then, so the keyboard comes up with the tap.
    this.setState({ noteOpen: true }, () => document.getElementById(`${cardId(this.props.component.code)}-note`)?.focus());
  };

  private next = () => {
    this.props.ctx.goToNextUnanswered(this.props.component.code);
  };

  private retry = () => {
    void this.saver.saveNow(this.draft);
  };

  override render() {
    const p = this.props;
    return (
      <CardView
        assessmentId={p.ctx.assessmentId}
        component={p.component}
        label={p.label}
        labelLang={p.labelLang}
        choices={p.ctx.choicesFor(p.component.code)}
        methodology={p.ctx.methodology}
        readOnly={p.ctx.readOnly}
        reviewComment={p.ctx.reviewCommentFor(p.component.code)}
        guidance={p.ctx.guidanceFor(p.component.code)}
        draft={this.state.draft}
        save={this.state.save}
        saves={this.state.saves}
        noteOpen={this.state.noteOpen}
        onStatus={this.setStatus}
        onText={this.setText}
        onBlur={this.flush}
        onRetry={this.retry}
        onOpenNote={this.openNote}
        onNext={this.next}
      />
    );
  }
}

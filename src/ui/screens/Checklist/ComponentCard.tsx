/**
 * One answerable component. A class so that shouldComponentUpdate keeps a save in one
 * card from re-rendering the other seventy: the card owns its draft and save state,
 * and re-renders only when those or its own display props change.
 */
import { Component } from 'preact';
import type { Answer, CatalogueComponent, Methodology, Status } from '../../../domain/types';
import { CardSaver, draftFromAnswer } from './card-saver';
import type { AnswerPatch, Draft, SaveState } from './card-saver';
import { CardView } from './CardView';
import { handledAt } from './save-timing';

export interface ComponentCardProps {
  component: CatalogueComponent;
  /** The stored answer when the card mounted; later changes come from the card itself. */
  answer: Answer | undefined;
  label: string;
  labelLang: string;
  lang: string;
  choices: readonly Status[];
  methodology: Methodology;
  readOnly: boolean;
  /** Stable callbacks (the same function on every render). */
  /** `onCommit`: told when IndexedDB committed (performance.now() clock), for the save timing. */
  /** `stored`: what the card last saw stored for this code (the store writes without reading it). */
  save: (code: string, patch: AnswerPatch, onCommit?: (committedAt: number) => void, stored?: Answer) => Promise<Answer>;
  onSaved: (a: Answer) => void;
  registerFlush: (flush: () => void) => () => void;
}

interface State {
  draft: Draft;
  save: SaveState;
}

type TextField = 'note' | 'naReason' | 'openName';

export class ComponentCard extends Component<ComponentCardProps, State> {
  private saver: CardSaver;
  private unregister: (() => void) | undefined;

  constructor(props: ComponentCardProps) {
    super(props);
    this.state = { draft: draftFromAnswer(props.answer), save: { kind: 'idle' } };
    const c = props.component;
    this.saver = new CardSaver({
      save: (patch, onCommit, stored) => this.props.save(c.code, patch, onCommit, stored),
      stored: props.answer,
      onState: (save) => this.setState({ save }),
      onSaved: (a) => this.props.onSaved(a),
      fields: { naReason: props.choices.includes('na'), openName: c.open },
    });
  }

  override componentDidMount() {
    this.unregister = this.props.registerFlush(() => void this.saver.flush());
  }

  override componentWillUnmount() {
    this.unregister?.();
    this.saver.dispose();
  }

  override shouldComponentUpdate(next: ComponentCardProps, nextState: State) {
    const p = this.props;
    return (
      nextState !== this.state ||
      next.readOnly !== p.readOnly ||
      next.label !== p.label ||
      next.lang !== p.lang ||
      next.choices !== p.choices ||
      next.methodology !== p.methodology
    );
  }

  // Save first, then setState: the store's transaction is queued before the re-render, so
  // nothing runs on the main thread between the tap and the start of the write (issue #4).
  // `at` is the event's timestamp, the start of the save's timing (save-timing.ts).
  private setStatus = (status: Status, at?: number) => {
    if (this.props.readOnly) return;
    const draft = { ...this.state.draft, status };
    void this.saver.saveNow(draft, handledAt(at));
    this.setState({ draft });
  };

  private setText = (field: TextField, value: string, at?: number) => {
    if (this.props.readOnly) return;
    const draft = { ...this.state.draft, [field]: value };
    this.saver.saveTyped(draft, handledAt(at));
    this.setState({ draft });
  };

  private flush = () => {
    void this.saver.flush();
  };

  private retry = () => {
    void this.saver.saveNow(this.state.draft);
  };

  override render() {
    const p = this.props;
    return (
      <CardView
        component={p.component}
        label={p.label}
        labelLang={p.labelLang}
        choices={p.choices}
        methodology={p.methodology}
        readOnly={p.readOnly}
        draft={this.state.draft}
        save={this.state.save}
        onStatus={this.setStatus}
        onText={this.setText}
        onBlur={this.flush}
        onRetry={this.retry}
      />
    );
  }
}

/**
 * The inputs of a criteria-set indicator other than a status: yes/no and a choice (radio groups,
 * saved at once), a whole number with its unit, a pair a/b (each with its label and unit) and a
 * percentage (text boxes with a numeric keyboard, checked as typed). Each box is labelled, says
 * its unit, and is marked invalid with the card's reason when the value is refused.
 */
import type { CriteriaInput } from '../../../domain/criteria/schema';
import type { IndicatorValue } from '../../../domain/types';
import { useT } from '../../../i18n';
import type { TypedDraft } from './criteria-view';

type Text = { vi: string; en: string };
const pick = (x: Text, lang: string) => (lang === 'en' ? x.en : x.vi);

interface OptionGroupProps {
  idBase: string;
  legend: string;
  options: readonly { key: string; label: string }[];
  value: string | undefined;
  disabled: boolean;
  /** Long labels (a choice) stack; short ones (Có/Không) sit on one row. */
  stacked: boolean;
  onChange: (key: string) => void;
}

/** A radio group with the status picker's large targets. */
export function OptionGroup(p: OptionGroupProps) {
  return (
    <fieldset class="status-picker" disabled={p.disabled}>
      <legend class="visually-hidden">{p.legend}</legend>
      <div class={`status-options${p.stacked ? ' status-options--stacked' : ''}`}>
        {p.options.map((o) => {
          const id = `${p.idBase}-opt-${o.key}`;
          const checked = p.value === o.key;
          return (
            <label key={o.key} for={id} class={`status-option status-option--choice${checked ? ' is-checked' : ''}`}>
              <input
                id={id}
                type="radio"
                name={`${p.idBase}-option`}
                value={o.key}
                checked={checked}
                onChange={() => p.onChange(o.key)}
              />
              <span class="status-text">{o.label}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

interface NumberBoxProps {
  id: string;
  label: string;
  unit: string;
  value: string;
  decimal: boolean;
  invalid: boolean;
  describedBy: string | undefined;
  disabled: boolean;
  onInput: (text: string) => void;
}

function NumberBox(p: NumberBoxProps) {
  return (
    <div class="ind-number">
      <label for={p.id}>{p.label}</label>
      <span class="ind-number__row">
        <input
          id={p.id}
          type="text"
          inputMode={p.decimal ? 'decimal' : 'numeric'}
          autocomplete="off"
          value={p.value}
          disabled={p.disabled}
          aria-invalid={p.invalid ? 'true' : undefined}
          aria-describedby={p.describedBy}
          onInput={(e) => p.onInput(e.currentTarget.value)}
        />
        <span class="ind-unit">{p.unit}</span>
      </span>
    </div>
  );
}

export interface ValueInputProps {
  idBase: string;
  code: string;
  input: Exclude<CriteriaInput, { kind: 'status' }>;
  lang: string;
  /** The stored value (yes/no, choice). */
  value: IndicatorValue | undefined;
  /** What is typed (number, pair, percent). */
  typed: TypedDraft;
  /** Which box the refusal is about, for aria-invalid. */
  invalid: 'a' | 'b' | 'both' | null;
  errorId: string | undefined;
  disabled: boolean;
  onValue: (v: IndicatorValue) => void;
  onTyped: (d: TypedDraft) => void;
}

export function ValueInput(p: ValueInputProps) {
  const t = useT('criteria');
  const { input, lang } = p;
  const bad = (box: 'a' | 'b') => p.invalid === box || p.invalid === 'both';
  switch (input.kind) {
    case 'yesno':
      return (
        <OptionGroup
          idBase={p.idBase}
          legend={t('card.answerOf', { code: p.code })}
          options={[
            { key: 'yes', label: t('card.yes') },
            { key: 'no', label: t('card.no') },
          ]}
          value={p.value?.kind === 'yesno' ? (p.value.yes ? 'yes' : 'no') : undefined}
          disabled={p.disabled}
          stacked={false}
          onChange={(k) => p.onValue({ kind: 'yesno', yes: k === 'yes' })}
        />
      );
    case 'choice':
      return (
        <OptionGroup
          idBase={p.idBase}
          legend={t('card.answerOf', { code: p.code })}
          options={input.options.map((o) => ({ key: o.id, label: pick(o, lang) }))}
          value={p.value?.kind === 'choice' ? p.value.option : undefined}
          disabled={p.disabled}
          stacked
          onChange={(k) => p.onValue({ kind: 'choice', option: k })}
        />
      );
    case 'number':
    case 'percent':
      return (
        <NumberBox
          id={`${p.idBase}-a`}
          label={t(input.kind === 'number' ? 'card.number' : 'card.percent')}
          unit={input.kind === 'number' ? pick(input.unit, lang) : '%'}
          value={p.typed.a}
          decimal={input.kind === 'percent'}
          invalid={bad('a')}
          describedBy={p.errorId}
          disabled={p.disabled}
          onInput={(a) => p.onTyped({ ...p.typed, a })}
        />
      );
    case 'pair':
      return (
        <div class="ind-pair">
          <NumberBox
            id={`${p.idBase}-a`}
            label={pick(input.a, lang)}
            unit={pick(input.a.unit, lang)}
            value={p.typed.a}
            decimal={false}
            invalid={bad('a')}
            describedBy={p.errorId}
            disabled={p.disabled}
            onInput={(a) => p.onTyped({ ...p.typed, a })}
          />
          <NumberBox
            id={`${p.idBase}-b`}
            label={pick(input.b, lang)}
            unit={pick(input.b.unit, lang)}
            value={p.typed.b}
            decimal={false}
            invalid={bad('b')}
            describedBy={p.errorId}
            disabled={p.disabled}
            onInput={(b) => p.onTyped({ ...p.typed, b })}
          />
        </div>
      );
  }
}

import type { CriteriaIndicator } from '../../../domain/criteria/schema';
import { useLanguage, useT } from '../../../i18n';
import type { ValueDraft } from '../indicator-values';

interface Props {
  id: string;
  indicator: CriteriaIndicator;
  draft: ValueDraft;
  onChange: (d: ValueDraft) => void;
  /** Names the field(s) as invalid for assistive technology. */
  invalid: boolean;
}

/** The adjusted value's field(s), of the indicator's own kind: yes/no, an option, a number, a ratio pair, a percentage. */
export function ValueInput({ id, indicator, draft, onChange, invalid }: Props) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const input = indicator.input;
  const pick = (x: { vi: string; en: string }) => (lang === 'vi' ? x.vi : x.en);
  const aria = invalid ? true : undefined;
  if (input.kind === 'yesno' || input.kind === 'choice') {
    const options =
      input.kind === 'yesno'
        ? [
            { id: 'yes', label: t('verify.yes') },
            { id: 'no', label: t('verify.no') },
          ]
        : input.options.map((o) => ({ id: o.id, label: pick(o) }));
    return (
      <fieldset>
        <legend>{t('verify.adjustedValue')}</legend>
        {options.map((o) => (
          <label key={o.id}>
            <input
              type="radio"
              name={`${id}-value`}
              value={o.id}
              checked={draft.first === o.id}
              onChange={() => onChange({ ...draft, first: o.id })}
            />
            {o.label}
          </label>
        ))}
      </fieldset>
    );
  }
  const field = (key: 'first' | 'second', label: string) => (
    <div class="rv-field" key={key}>
      <label for={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        inputMode="decimal"
        value={draft[key]}
        aria-invalid={aria}
        onInput={(e) => onChange({ ...draft, [key]: e.currentTarget.value })}
      />
    </div>
  );
  if (input.kind === 'pair') {
    return (
      <div class="rv-verify__pair">
        {field('first', `${pick(input.a)} (${pick(input.a.unit)})`)}
        {field('second', `${pick(input.b)} (${pick(input.b.unit)})`)}
      </div>
    );
  }
  if (input.kind === 'number') return field('first', `${t('verify.adjustedValue')} (${pick(input.unit)})`);
  return field('first', `${t('verify.adjustedValue')} (%)`);
}

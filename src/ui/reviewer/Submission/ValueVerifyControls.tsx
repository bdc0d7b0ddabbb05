import { useState } from 'preact/hooks';
import type { CriteriaIndicator } from '../../../domain/criteria/schema';
import type { IndicatorValue } from '../../../domain/types';
import { useT } from '../../../i18n';
import { draftOf, draftValue, isProblem, type ValueDraft } from '../indicator-values';
import { useVerifyStep } from './use-verify-step';
import { useVerification } from './verification-context';
import { ValueInput } from './ValueInput';
import { VerifyStepFrame } from './VerifyParts';

interface Props {
  indicator: CriteriaIndicator;
  /** The officer's value: the adjustment starts from it. */
  value: IndicatorValue | undefined;
  /** A value in words, as the list shows it. */
  describe: (v: IndicatorValue) => string;
}

/**
 * Thẩm định of one value indicator of a criteria set: "Xác nhận" lets the officer's value stand;
 * "Điều chỉnh" sets a value of the same kind with a required reason. The server checks the value
 * again and scores it; the screen shows what the server answered.
 */
export function ValueVerifyControls({ indicator, value, describe }: Props) {
  const t = useT('reviewer');
  const state = useVerification();
  const [draft, setDraft] = useState<ValueDraft>(draftOf(value));
  const code = indicator.code;
  const problemText = (p: string) =>
    t(`verify.problem.${p}`, {
      defaultValue: t('verify.problem.wrong-kind'),
      max: indicator.input.kind === 'number' ? (indicator.input.max ?? '') : '',
    });
  const step = useVerifyStep({
    code,
    state,
    adjustment: () => {
      const adjusted = draftValue(indicator, draft);
      return isProblem(adjusted) ? { problem: problemText(adjusted) } : { adjusted: { value: adjusted } };
    },
    resetValue: () => setDraft(draftOf(value)),
  });
  if (!state) return null;
  const item = state.view?.items.find((i) => i.code === code);
  const id = `rv-verify-${code}`;
  const adjustedTo = item?.adjusted && 'value' in item.adjusted ? describe(item.adjusted.value) : '';

  return (
    <VerifyStepFrame id={id} code={code} item={item} adjustedTo={adjustedTo} state={state} step={step}>
      <p class="muted">{t('verify.officerValue', { value: value ? describe(value) : t('verify.noValue') })}</p>
      <ValueInput
        id={id}
        indicator={indicator}
        draft={draft}
        onChange={setDraft}
        invalid={step.error !== '' && step.reason.trim() !== ''}
      />
    </VerifyStepFrame>
  );
}

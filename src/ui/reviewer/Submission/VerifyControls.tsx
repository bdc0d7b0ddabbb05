import { useState } from 'preact/hooks';
import type { Status } from '../../../domain/types';
import { useT } from '../../../i18n';
import { useVerifyStep } from './use-verify-step';
import { useVerification } from './verification-context';
import { VerifyStepFrame } from './VerifyParts';

interface Props {
  code: string;
  /** The officer's status, shown as the starting point of an adjustment. */
  status: Status | null;
  statusLabel: (s: Status | null | undefined) => string;
}

/**
 * Thẩm định of one status item: "Xác nhận" lets the officer's answer stand; "Điều chỉnh" sets
 * another status with a required reason. Also "Yêu cầu bổ sung minh chứng" for the next return.
 */
export function VerifyControls({ code, status, statusLabel }: Props) {
  const t = useT('reviewer');
  const state = useVerification();
  const [value, setValue] = useState<0 | 1 | 2 | 3 | undefined>();
  const step = useVerifyStep({
    code,
    state,
    adjustment: () => (value === undefined ? { problem: t('verify.chooseValue') } : { adjusted: { status: value } }),
    resetValue: () => setValue(undefined),
  });
  if (!state) return null;
  const item = state.view?.items.find((i) => i.code === code);
  const id = `rv-verify-${code}`;
  const adjustedTo = item?.adjusted && 'status' in item.adjusted ? statusLabel(item.adjusted.status) : '';

  return (
    <VerifyStepFrame id={id} code={code} item={item} adjustedTo={adjustedTo} state={state} step={step}>
      <fieldset>
        <legend>{t('verify.newValue', { current: statusLabel(status) })}</legend>
        {([0, 1, 2, 3] as const).map((v) => (
          <label key={v}>
            <input type="radio" name={`${id}-value`} value={v} checked={value === v} onChange={() => setValue(v)} />
            {v} — {statusLabel(v)}
          </label>
        ))}
      </fieldset>
    </VerifyStepFrame>
  );
}

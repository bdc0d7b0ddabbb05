/**
 * The "Gửi lên tỉnh" button of an editable assessment (draft or returned), disabled with the
 * reasons spelled out when it cannot go, and a confirmation (submitting locks the assessment).
 */
import { useId, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import type { Assessment } from '../../../domain/types';
import type { Enrollment } from '../../../sync/enrollment';
import { evaluateSubmission } from '../../../sync/readiness';
import { criteriaSetIn } from '../../../sync/reference';
import { submitAssessment } from '../../../sync/submit';
import { announce } from '../../components/announce';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAnswerList, useReference } from '../use-submit-data';
import { BlockingItems } from './BlockingItems';
import { blockLines } from './reasons';

export interface SubmitActionProps {
  assessment: Assessment;
  enrollment: Enrollment | null;
  /** Returned assessments are sent "again". */
  again: boolean;
}

export function SubmitAction({ assessment, enrollment, again }: SubmitActionProps) {
  const t = useT('sync');
  const id = useId();
  const answers = useAnswerList(assessment.id);
  const ref = useReference();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const check =
    ref && answers ? evaluateSubmission({ assessment, answers, enrollment: enrollment ?? undefined, ref }) : undefined;
  const lines = check ? blockLines(t, check, enrollment?.communeName, assessment.criteriaSet !== undefined) : [];
  const needsEnrollment = check?.blocks.some((b) => b === 'not-enrolled' || b === 'commune-mismatch') ?? false;

  const send = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const result = await submitAssessment(assessment.id);
      if (result.ok) announce(t('submit.queuedAnnounce'));
      setConfirming(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="submit-panel__action">
      {lines.length > 0 && (
        <div id={`${id}-why`} class="submit-panel__why">
          <p>{t('submit.cannot')}</p>
          <ul>
            {lines.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          {ref && check && (
            <BlockingItems
              assessmentId={assessment.id}
              problems={check.problems}
              catalogue={ref.catalogue}
              set={criteriaSetIn(ref, assessment.criteriaSet)}
            />
          )}
          {needsEnrollment && (
            <a class="tap-link" href="#/enroll">
              {t('submit.enrollLink')}
            </a>
          )}
        </div>
      )}
      {failed && (
        <p class="error-text" role="alert">
          {t('submit.failed')}
        </p>
      )}
      <Button
        variant="primary"
        disabled={!check?.ok}
        busy={busy}
        aria-describedby={lines.length > 0 ? `${id}-why` : undefined}
        onClick={() => setConfirming(true)}
      >
        {again ? t('submit.resend') : t('submit.button')}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t('submit.confirmTitle')}
        confirmLabel={t('submit.confirm')}
        cancelLabel={t('common:actions.cancel')}
        busy={busy}
        onConfirm={() => void send()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('submit.confirmBody')}</p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * Sending one assessment to the province, on the summary screen: the submit button while it is
 * editable (draft, or returned by the province), then where the submission stands — waiting
 * for a signal, sent, accepted, refused (with the server's reason, "Thử lại" and "Sửa lại"), or
 * in conflict with another version (with "Gửi bản này làm bản mới nhất"); then its evidence files
 * (EvidenceProgress). Live from the store.
 */
import { useId, useState } from 'preact/hooks';
import type { SyncRow } from '../../../db';
import { isLocked } from '../../../domain/vocabulary';
import { formatDateTime, useT } from '../../../i18n';
import { retrySubmission, withdrawSubmission } from '../../../sync/submit';
import { announce } from '../../components/announce';
import { Button } from '../../components/Button';
import { EvidenceProgress } from '../EvidenceProgress';
import { SyncBadge } from '../SyncBadge';
import { useEnrollment, useSyncView } from '../use-live';
import { reasonDetail, reasonText } from './reasons';
import { SubmitAction } from './SubmitAction';
import './style.css';

const ENROLL_REASONS = new Set(['not-enrolled', 'commune-mismatch', 'unauthorized']);

function Details({ sync }: { sync: SyncRow }) {
  const t = useT('sync');
  return (
    <>
      {sync.lastError && ENROLL_REASONS.has(sync.lastError) && (
        <p>
          <a class="tap-link" href="#/enroll">
            {t('submit.enrollLink')}
          </a>
        </p>
      )}
      {sync.lastAttemptAt && <p class="muted">{t('panel.lastAttempt', { time: formatDateTime(sync.lastAttemptAt) })}</p>}
      {reasonDetail(sync.lastError) && (
        // The server's own (English) words, for whoever helps the commune; never the main text.
        <p class="muted submit-panel__detail">{t('technicalDetail', { detail: reasonDetail(sync.lastError) })}</p>
      )}
    </>
  );
}

export function SubmitPanel({ assessmentId }: { assessmentId: string }) {
  const t = useT('sync');
  const id = useId();
  const view = useSyncView(assessmentId);
  const enrollment = useEnrollment();
  const [busy, setBusy] = useState<'retry' | 'withdraw'>();
  const [failed, setFailed] = useState(false);
  if (!view?.assessment || enrollment === undefined) return null;
  const { assessment, sync } = view;
  const editable = !isLocked(assessment.status);

  const act = async (kind: 'retry' | 'withdraw') => {
    setBusy(kind);
    setFailed(false);
    try {
      if (kind === 'retry') await retrySubmission(assessmentId);
      else if (await withdrawSubmission(assessmentId)) announce(t('panel.withdrawn'));
    } catch {
      setFailed(true);
    } finally {
      setBusy(undefined);
    }
  };
  const retryButton = (label: string) => (
    <Button variant="primary" busy={busy === 'retry'} disabled={busy !== undefined} onClick={() => void act('retry')}>
      {label}
    </Button>
  );
  const withdrawButton = (
    <Button busy={busy === 'withdraw'} disabled={busy !== undefined} onClick={() => void act('withdraw')}>
      {t('panel.withdraw')}
    </Button>
  );

  let body;
  if (editable) {
    body = (
      <>
        {sync?.state === 'returned' && <p>{t('panel.returned')}</p>}
        <SubmitAction assessment={assessment} enrollment={enrollment} again={sync?.state === 'returned'} />
      </>
    );
  } else if (sync?.state === 'queued') {
    body = (
      <>
        <p>{t('panel.queued')}</p>
        {sync.lastError && <p>{t('panel.waitingReason', { reason: reasonText(t, sync.lastError) })}</p>}
        <Details sync={sync} />
        <div class="actions">{retryButton(t('panel.sendNow'))}</div>
      </>
    );
  } else if (sync?.state === 'error' || sync?.state === 'conflict') {
    const conflict = sync.state === 'conflict';
    body = (
      <>
        <p>{conflict ? t('panel.conflict') : t('panel.error')}</p>
        <p class="submit-panel__reason">{reasonText(t, sync.lastError)}</p>
        <p class="muted">{conflict ? t('panel.conflictHint') : t('panel.errorHint')}</p>
        <Details sync={sync} />
        <div class="actions">
          {retryButton(conflict ? t('panel.sendAsNew') : t('panel.retry'))}
          {withdrawButton}
        </div>
      </>
    );
  } else if (sync?.state === 'sent' || sync?.state === 'accepted') {
    body = <p>{sync.state === 'sent' ? t('panel.sent', { revision: sync.revision }) : t('panel.accepted')}</p>;
  }

  return (
    <section class="submit-panel card" aria-labelledby={`${id}-h`}>
      <div class="submit-panel__head">
        <h2 id={`${id}-h`}>{t('submit.title')}</h2>
        <SyncBadge assessmentId={assessmentId} showTime={false} />
      </div>
      {body}
      {sync && <EvidenceProgress assessmentId={assessmentId} syncState={sync.state} />}
      {failed && (
        <p class="error-text" role="alert">
          {t('submit.failed')}
        </p>
      )}
    </section>
  );
}

export default SubmitPanel;

/**
 * The enrollment code form, shared by the Settings section and the #/enroll screen. Errors are
 * tied to the field (aria-describedby) and spoken (role="alert"); when the server refuses a code,
 * its error code (expired, used, revoked…) picks the phone's own text, its words only a detail.
 */
import { useId, useState } from 'preact/hooks';
import { useT } from '../../../i18n';
import { enroll, type Enrollment, type EnrollError } from '../../../sync/enrollment';
import { rearmAfterEnrollment } from '../../../sync/rearm-after-enrollment';
import { requestSyncRun } from '../../../sync/sync-run';
import { announce } from '../../components/announce';
import { serverErrorKey } from '../server-errors';
import { Button } from '../../components/Button';
import './style.css';

export interface EnrollFormProps {
  initialCode?: string;
  onDone?: (enrollment: Enrollment) => void;
}

function errorText(t: (k: string, o?: Record<string, unknown>) => string, error: EnrollError | 'failed'): string {
  if (error === 'failed') return t('enroll.failed');
  // The phone's own words for the server's code; its English message goes to the detail line.
  if (error.kind === 'refused') return t(serverErrorKey(error.code, error.message));
  return t(`enroll.${error.kind}`);
}

export function EnrollForm({ initialCode = '', onDone }: EnrollFormProps) {
  const t = useT('sync');
  const id = useId();
  const [code, setCode] = useState(initialCode);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<EnrollError | 'failed'>();

  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    try {
      const result = await enroll(code);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      announce(t('enroll.done', { commune: result.enrollment.communeName }));
      // Anything held or refused for want of a valid enrollment goes up now, and what the start
      // could not ask for comes down: the province's criteria sets, or a team's survey (issue #15).
      // The sync run flushes the outbox and sends evidence too: no kick of its own.
      await rearmAfterEnrollment().catch((err: unknown) => console.error('[xaso] rearm', err));
      requestSyncRun();
      onDone?.(result.enrollment);
    } catch {
      setError('failed'); // the settings write failed (storage full, closed database)
    } finally {
      setBusy(false);
    }
  };

  const describedBy = [`${id}-hint`, error ? `${id}-err` : ''].filter(Boolean).join(' ');
  return (
    <form class="enroll-form" onSubmit={(e) => void submit(e)} noValidate>
      <label for={`${id}-code`} class="enroll-form__label">
        {t('enroll.code')}
      </label>
      <input
        id={`${id}-code`}
        class="enroll-form__input"
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
        autocomplete="one-time-code"
        autocapitalize="characters"
        spellcheck={false}
        inputMode="text"
        maxLength={40}
        required
        aria-invalid={error !== undefined && error !== 'failed' && error.kind !== 'offline' ? true : undefined}
        aria-describedby={describedBy}
      />
      <p id={`${id}-hint`} class="enroll-form__hint muted">
        {t('enroll.codeHint')}
      </p>
      {error && (
        <p id={`${id}-err`} class="error-text" role="alert">
          {errorText(t, error)}
        </p>
      )}
      {error && error !== 'failed' && error.kind === 'refused' && (
        <p class="enroll-form__detail muted">{t('technicalDetail', { detail: error.message })}</p>
      )}
      <Button type="submit" variant="primary" busy={busy}>
        {busy ? t('enroll.busy') : t('enroll.button')}
      </Button>
    </form>
  );
}

export default EnrollForm;

/**
 * The Settings screen's "Kết nối với tỉnh" section: the commune this phone is enrolled for, with
 * a way to disconnect, or the code form. Reads the enrollment live, so enrolling from the
 * #/enroll link in another tab shows here at once.
 */
import { useId, useState } from 'preact/hooks';
import { formatDateTime, useT } from '../../../i18n';
import { forgetEnrollment } from '../../../sync/enrollment';
import { announce } from '../../components/announce';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EnrollForm } from '../EnrollForm';
import { useEnrollment } from '../use-live';
import './style.css';

export function EnrollmentSection() {
  const t = useT('sync');
  const id = useId();
  const enrollment = useEnrollment();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const forget = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await forgetEnrollment();
      announce(t('enroll.forgotten'));
      setConfirming(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="settings-section card enrollment-section" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('enroll.title')}</h2>
      {enrollment === undefined ? null : enrollment === null ? (
        <>
          <p>{t('enroll.intro')}</p>
          <EnrollForm />
        </>
      ) : (
        <>
          <p class="enrollment-section__commune">
            <strong>{t('enroll.enrolledAs', { commune: enrollment.communeName })}</strong>
          </p>
          <p class="muted">
            {t('enroll.province', { province: enrollment.provinceName ?? enrollment.provinceCode })}
            <br />
            {t('enroll.since', { time: formatDateTime(enrollment.enrolledAt) })}
          </p>
          {failed && (
            <p class="error-text" role="alert">
              {t('enroll.failed')}
            </p>
          )}
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('enroll.forget')}
          </Button>
          <ConfirmDialog
            open={confirming}
            title={t('enroll.forgetTitle')}
            confirmLabel={t('enroll.forget')}
            cancelLabel={t('common:actions.cancel')}
            danger
            busy={busy}
            onConfirm={() => void forget()}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('enroll.forgetBody')}</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}

export default EnrollmentSection;

/**
 * #/enroll?code=XXXX — opened from the link or QR code the province's reviewer hands out.
 * The code is filled in; one tap enrolls the phone, then it goes home. Without a code (a link
 * from the submit panel) it is the same form, empty. If the phone is already enrolled, it says
 * for which commune: a new code replaces that enrollment.
 */
import { useT } from '../../../i18n';
import { LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { navigate, paths, useRoute } from '../../router';
import { EnrollForm } from '../../sync/EnrollForm';
import { useEnrollment } from '../../sync/use-live';
import './style.css';

export default function Enroll() {
  const t = useT('sync');
  const route = useRoute();
  const enrollment = useEnrollment();
  return (
    <Page title={t('enroll.title')} class="enroll-screen">
      <div class="stack">
        {enrollment ? (
          <p class="card">
            <strong>{t('enroll.enrolledAs', { commune: enrollment.communeName })}</strong>
            <br />
            <span class="muted">{t('enroll.replaceNote')}</span>
          </p>
        ) : (
          <p>{t('enroll.intro')}</p>
        )}
        <EnrollForm initialCode={route.query.code ?? ''} onDone={() => navigate(paths.home(), { replace: true })} />
        <p>
          <LinkButton variant="quiet" href={`#${paths.home()}`}>
            {t('enroll.home')}
          </LinkButton>
        </p>
      </div>
    </Page>
  );
}

/**
 * Settings: language, connection to the province (enrollment), storage (persistence and usage),
 * sending evidence (Wi-Fi only or not), backup export/import, version.
 */
import { CURRENT_CATALOGUE_VERSION, CURRENT_METHODOLOGY_ID } from '../../../data/load';
import { useT } from '../../../i18n';
import { LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { EnrollmentSection } from '../../sync/EnrollmentSection';
import { BackupSection } from './BackupSection';
import { EvidenceUploadSection } from './EvidenceUploadSection';
import { LanguageSection } from './LanguageSection';
import { StorageSection } from './StorageSection';
import './style.css';

/** The reviewer area's entry (it is lazy-loaded: a link costs the phone nothing). */
const REVIEW_HOME = '/review';

export default function Settings() {
  const t = useT('settings');
  return (
    <Page title={t('title')}>
      <div class="stack">
        <LanguageSection />
        <EnrollmentSection />
        <StorageSection />
        <EvidenceUploadSection />
        <BackupSection />
        <section class="settings-section card" aria-labelledby="settings-reviewer">
          <h2 id="settings-reviewer">{t('reviewer.title')}</h2>
          <p>{t('reviewer.body')}</p>
          <LinkButton href={`#${REVIEW_HOME}`}>{t('reviewer.open')}</LinkButton>
        </section>
        <section class="settings-section card" aria-labelledby="settings-about">
          <h2 id="settings-about">{t('about.title')}</h2>
          <dl class="settings-about">
            <dt>{t('about.version')}</dt>
            <dd>{__APP_VERSION__}</dd>
            <dt>{t('about.catalogue')}</dt>
            <dd>{CURRENT_CATALOGUE_VERSION}</dd>
            <dt>{t('about.methodology')}</dt>
            <dd>{CURRENT_METHODOLOGY_ID}</dd>
          </dl>
        </section>
      </div>
    </Page>
  );
}

/**
 * Settings: language, connection to the province (enrollment), the commune's population, storage (persistence and usage),
 * sending evidence (Wi-Fi only or not), backup export/import, version.
 */
import { CURRENT_CATALOGUE_VERSION, CURRENT_METHODOLOGY_ID } from '../../../data/load';
import { useT } from '../../../i18n';
import { LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { useRoute } from '../../router';
import { EnrollmentSection } from '../../sync/EnrollmentSection';
import { BackupSection } from './BackupSection';
import { EvidenceUploadSection } from './EvidenceUploadSection';
import { LanguageSection } from './LanguageSection';
import { PopulationSection } from './PopulationSection';
import { StorageSection } from './StorageSection';
import './style.css';

/** The reviewer area's entry (it is lazy-loaded: a link costs the phone nothing). */
const REVIEW_HOME = '/review';

export default function Settings() {
  const t = useT('settings');
  // "#/settings?focus=population": from a measured indicator that lacks the population.
  const focus = useRoute().query.focus;
  return (
    <Page title={t('title')}>
      <div class="stack">
        <LanguageSection />
        <EnrollmentSection />
        <PopulationSection focus={focus === 'population'} />
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

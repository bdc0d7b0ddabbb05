/** A team phone's home: who and where, the two actions, today's log, and what waits to be sent. */
import type { Survey } from '../../../domain/community/schemas';
import type { Enrollment } from '../../../sync/enrollment';
import { getLanguage, useT } from '../../../i18n';
import { LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { paths } from '../../router';
import { localDay } from './dates';
import { SendState } from './SendState';

export function TeamHome({ enrollment, survey }: { enrollment: Enrollment; survey: Survey }) {
  const t = useT('team');
  const lang = getLanguage() === 'en' ? 'en' : 'vi';
  return (
    <Page title={t('home.title')} class="team-home">
      <div class="team-who">
        <strong>{enrollment.communeName}</strong>
        <p class="team-member">
          <span class="team-member__name">{t('home.member', { name: enrollment.displayName ?? '' })}</span>
          <LinkButton variant="quiet" class="team-rename" href={`#${paths.teamName()}`}>
            {t('home.rename')}
          </LinkButton>
        </p>
      </div>
      <div class="team-actions">
        <LinkButton variant="primary" class="team-big" href={`#${paths.teamLog()}`}>
          {t('home.log')}
        </LinkButton>
        <LinkButton variant="primary" class="team-big" href={`#${paths.teamSurvey()}`}>
          {t('home.survey')}
        </LinkButton>
        {/* Which questionnaire: the province's own, once its server gave one, else the default. */}
        <p class="muted team-survey-in-use" data-survey-id={survey.id} data-survey-version={survey.version}>
          {t('home.surveyInUse', { title: survey.title[lang], version: survey.version })}
        </p>
        <LinkButton variant="secondary" class="team-big" href={`#${paths.teamDay(localDay())}`}>
          {t('home.today')}
        </LinkButton>
      </div>
      <SendState />
      <p class="muted team-note">{t('home.noAssessment')}</p>
    </Page>
  );
}

/**
 * A community team phone (issue #15): its home (support log, survey, day view, send state) and
 * its screens, in one chunk that an officer's phone never fetches. The team phone holds no
 * assessment; its first step after enrollment is a display name (sent as the phone's label), which
 * the member can change later from the home (#/team/name).
 */
import { useEffect } from 'preact/hooks';
import { useT } from '../../../i18n';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { paths, type TeamView } from '../../router';
import { useEnrollment } from '../../sync/use-live';
import { DayView } from './DayView';
import { LogForm } from './LogForm';
import { NameForm } from './NameForm';
import { SurveyScreen } from './Survey';
import { TeamHome } from './TeamHome';
import { useTeamData, useTeamSurvey } from './team-data';
import './style.css';

export interface TeamProps {
  view: 'home' | TeamView;
  id?: string | undefined;
  query: Readonly<Record<string, string>>;
}

export default function Team({ view, id, query }: TeamProps) {
  const t = useT('common');
  const data = useTeamData();
  const enrollment = useEnrollment();
  const survey = useTeamSurvey(data && data !== 'failed' ? data.survey : undefined);
  // The team outbox sits in the team area (assets/team/, cached on first use): fetch it now, while
  // the phone that just enrolled is online, so entries saved later with no signal can go up.
  useEffect(() => {
    void import('../../../sync/team-outbox').catch(() => undefined);
  }, []);
  if (data === 'failed') {
    return (
      <Page title={t('loadError.title')}>
        <p>{t('loadError.body')}</p>
      </Page>
    );
  }
  if (!data || !survey || enrollment === undefined) return <Loading label={t('loading')} />;
  if (enrollment?.role !== 'team') {
    // Only a phone enrolled with a team code has these screens.
    return (
      <Page title={t('notFound.title')}>
        <p>{t('notFound.body')}</p>
        <a href={`#${paths.home()}`}>{t('notFound.home')}</a>
      </Page>
    );
  }
  if (!enrollment.displayName) return <NameForm communeName={enrollment.communeName} />;
  switch (view) {
    case 'home':
      return <TeamHome enrollment={enrollment} survey={survey} />;
    case 'log':
      return <LogForm data={data} id={id} date={query.date} />;
    case 'day':
      return <DayView data={data} date={query.date} />;
    case 'survey':
      return <SurveyScreen survey={survey} />;
    case 'name':
      return <NameForm communeName={enrollment.communeName} current={enrollment.displayName} />;
  }
}

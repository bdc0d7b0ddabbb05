/**
 * The app shell: header, the screen for the current hash route, and app-level notices.
 * Home is in the first bundle; every other screen is its own chunk (lazyScreen).
 * The notices come AFTER the screen and stick to the bottom of the viewport (style.css): they
 * appear seconds after the first paint (the worker installs), and in that place they push
 * nothing down (no layout shift, issue #4) and, scrolled to the end, cover nothing.
 */
import { useEffect, useState } from 'preact/hooks';
import { onDbBlockedOrStale, type DbAlert } from '../../db';
import { useT } from '../../i18n';
import { announce } from '../components/announce';
import { Notice } from '../components/Notice';
import { Page } from '../components/Page';
import { useRoute, paths, type Route, type TeamView } from '../router';
import Home from '../screens/Home';
import { useEnrollment } from '../sync/use-live';
import { Header } from './Header';
import { lazyScreen } from './lazy-screen';
import { applyUpdate, dismissOfflineReady, useSwState } from './sw-bridge';
import './style.css';

const NewAssessment = lazyScreen(() => import('../screens/NewAssessment'));
const Checklist = lazyScreen<{ id: string }>(() => import('../screens/Checklist'));
const Summary = lazyScreen<{ id: string }>(() => import('../screens/Summary'));
const Report = lazyScreen<{ id: string }>(() => import('../screens/Report'));
const SetVersion = lazyScreen<{ id: string }>(() => import('../screens/SetVersion'));
const Settings = lazyScreen(() => import('../screens/Settings'));
const Enroll = lazyScreen(() => import('../screens/Enroll'));
// A community team phone's screens (issue #15), one chunk of their own: an officer's phone never fetches it.
const Team = lazyScreen<{ view: 'home' | TeamView; id?: string | undefined; query: Readonly<Record<string, string>> }>(
  () => import('../screens/Team'),
);
// Reviewers work online on a PC; a commune phone never downloads this area unless opened.
const Reviewer = lazyScreen<{ path: string; query: Readonly<Record<string, string>> }>(() => import('../reviewer'));

/** A team phone's home is the team's (support log, survey, send state): it holds no assessment. */
function HomeOrTeam({ query }: { query: Readonly<Record<string, string>> }) {
  const enrollment = useEnrollment();
  return enrollment?.role === 'team' ? <Team view="home" query={query} /> : <Home />;
}

function Screen({ route }: { route: Route }) {
  const t = useT('common');
  switch (route.name) {
    case 'home':
      return <HomeOrTeam query={route.query} />;
    case 'team':
      return <Team view={route.view} id={route.id} query={route.query} />;
    case 'new':
      return <NewAssessment />;
    case 'settings':
      return <Settings />;
    case 'enroll':
      return <Enroll />;
    case 'checklist':
      return <Checklist id={route.id} />;
    case 'summary':
      return <Summary id={route.id} />;
    case 'report':
      return <Report id={route.id} />;
    case 'setVersion':
      return <SetVersion id={route.id} />;
    case 'review':
      return <Reviewer path={route.path} query={route.query} />;
    case 'not-found':
      return (
        <Page title={t('notFound.title')}>
          <p>{t('notFound.body')}</p>
          <a href={`#${paths.home()}`}>{t('notFound.home')}</a>
        </Page>
      );
  }
}

/**
 * 'stale': another tab opened a newer database: this tab must reload before writing again.
 * 'blocked': our upgrade waits for an older tab to close.
 */
function useDbAlert(): DbAlert['kind'] | undefined {
  const [kind, setKind] = useState<DbAlert['kind']>();
  useEffect(() => onDbBlockedOrStale((alert) => setKind((k) => (k === 'stale' ? k : alert.kind))), []);
  return kind;
}

/** `inline`: in the page's flow at its end, never over it (the reviewer's long tables, issue #10 item 8). */
function Notices({ inline }: { inline: boolean }) {
  const t = useT('common');
  const sw = useSwState();
  const db = useDbAlert();

  useEffect(() => {
    if (sw.offlineReady) announce(t('sw.offlineReady'));
  }, [sw.offlineReady]);
  useEffect(() => {
    if (sw.update !== 'none') announce(t('sw.updateAvailable'));
  }, [sw.update]);
  useEffect(() => {
    if (db) announce(t(`db.${db}`));
  }, [db]);

  return (
    <div class={inline ? 'app-notices app-notices--inline' : 'app-notices'}>
      {db === 'stale' && (
        <Notice kind="warning" action={{ label: t('actions.reload'), onClick: () => location.reload() }}>
          {t('db.stale')}
        </Notice>
      )}
      {db === 'blocked' && <Notice kind="warning">{t('db.blocked')}</Notice>}
      {sw.update !== 'none' && (
        <Notice
          action={{
            label: sw.update === 'activated' ? t('actions.reload') : t('actions.update'),
            onClick: applyUpdate,
            busy: sw.updating,
          }}
        >
          <strong>{t('sw.updateAvailable')}</strong> <span class="app-notices__note">{t('sw.updateNote')}</span>
        </Notice>
      )}
      {sw.offlineReady && (
        <Notice kind="success" onDismiss={dismissOfflineReady} dismissLabel={t('actions.close')}>
          <strong>{t('sw.offlineReady')}</strong> <span class="app-notices__note">{t('sw.offlineReadyBody')}</span>
        </Notice>
      )}
    </div>
  );
}

/**
 * The upward sync starts after first paint, from its own chunk (it carries zod for the payload):
 * the first screen must not wait for it, and a phone that never enrolls only pays for a check.
 */
function useBackgroundSync() {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import('../../sync/triggers').then((m) => {
      if (!cancelled) stop = m.startSync();
    });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}

export function App() {
  const route = useRoute();
  useBackgroundSync();
  useEffect(() => {
    // A new screen starts at its top, as a page load would.
    scrollTo(0, 0);
  }, [route.path]);
  return (
    <>
      <Header route={route} />
      <Screen key={route.path} route={route} />
      <Notices inline={route.name === 'review'} />
    </>
  );
}

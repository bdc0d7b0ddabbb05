import { useEffect, useState } from 'preact/hooks';
import { useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { navigate } from '../../router';
import { Communes } from '../Communes';
import { CriteriaSets } from '../CriteriaSets';
import { Dashboard } from '../Dashboard';
import { SignIn } from '../SignIn';
import { Submission } from '../Submission';
import { Users } from '../Users';
import { Shell } from '../Shell';
import { parseReviewRoute, reviewPaths, type ReviewRoute } from '../routes';
import { getSession, onSessionChange, provinceFor, type StoredSession } from '../session';
import { ensureReviewerStrings, reviewerStringsReady } from '../strings';
import '../style.css';

export interface ReviewerRoutesProps {
  /** The hash path, e.g. "/review/a/xyz" (the router's route.path). */
  path: string;
  query?: Readonly<Record<string, string>>;
}

function useSession(): StoredSession | undefined {
  const [session, setSession] = useState(getSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

function fullPath(path: string, query: Readonly<Record<string, string>>): string {
  const q = new URLSearchParams(query).toString();
  return q ? `${path}?${q}` : path;
}

function Routed({ route, session }: { route: ReviewRoute; session: StoredSession }) {
  const t = useT('reviewer');
  const admin = session.user.role === 'admin';
  switch (route.name) {
    case 'communes': {
      const province = provinceFor(session.user, route.province);
      return (
        <Shell session={session} section="communes" province={province}>
          <Communes session={session} province={province} />
        </Shell>
      );
    }
    case 'dashboard': {
      const province = provinceFor(session.user, route.province);
      return (
        <Shell session={session} section="dashboard" province={province}>
          {province ? <Dashboard province={province} areaType={route.areaType} admin={admin} /> : <Communes session={session} />}
        </Shell>
      );
    }
    case 'submission':
      return (
        <Shell session={session}>
          <Submission id={route.id} />
        </Shell>
      );
    case 'users':
      return (
        <Shell session={session} section="users">
          {admin ? <Users /> : <Page title={t('errors.forbidden')} class="rv-page" />}
        </Shell>
      );
    case 'criteria-sets': {
      const province = provinceFor(session.user, route.province);
      return (
        <Shell session={session} section="criteria-sets" province={province}>
          <CriteriaSets province={province} admin={admin} />
        </Shell>
      );
    }
    default:
      return (
        <Shell session={session}>
          <Page title={t('notFound.title')} class="rv-page">
            <a href={`#${reviewPaths.communes()}`}>{t('notFound.back')}</a>
          </Page>
        </Shell>
      );
  }
}

/** The reviewer's own strings could not be fetched (offline): say so with the app's common words. */
function StringsFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT('common');
  return (
    <Page title={t('loadError.title')}>
      <p>{t('loadError.body')}</p>
      <Button onClick={onRetry}>{t('actions.retry')}</Button>
    </Page>
  );
}

/**
 * Everything under #/review. Loads the reviewer's strings, keeps signed-out users on the
 * sign-in screen (and brings them back where they were going afterwards).
 */
export function ReviewerRoutes({ path, query = {} }: ReviewerRoutesProps) {
  const lang = useLanguage();
  // Vietnamese must be there before the first render; another language may arrive a moment
  // later (Vietnamese shows meanwhile), and its arrival re-renders the screen in place.
  const [loaded, setLoaded] = useState<{ lang: string; ok: boolean } | undefined>();
  const [attempt, setAttempt] = useState(0);
  const ready = reviewerStringsReady('vi');
  const session = useSession();
  const route = parseReviewRoute(path, query);
  const mustSignIn = !session && route.name !== 'sign-in';

  // Whether this render had the strings of the chosen language (Vietnamese stands in meanwhile).
  const langReady = reviewerStringsReady(lang);

  useEffect(() => {
    // The strings may have arrived between this render and its effect: a route change remounts
    // this screen while an earlier instance's load is in flight, and that instance's setLoaded
    // goes nowhere. Render again then, or the screen stays empty (issue #9's flaky blank page).
    if (reviewerStringsReady(lang)) {
      if (!langReady) setLoaded({ lang, ok: true });
      return;
    }
    let alive = true;
    void ensureReviewerStrings(lang).then(
      () => alive && setLoaded({ lang, ok: true }),
      () => alive && setLoaded({ lang, ok: false }),
    );
    return () => {
      alive = false;
    };
  }, [lang, attempt]);

  useEffect(() => {
    if (mustSignIn) navigate(reviewPaths.signIn(fullPath(path, query)), { replace: true });
  }, [mustSignIn, path]);

  if (!ready && loaded?.ok === false) return <StringsFailed onRetry={() => setAttempt((n) => n + 1)} />;
  if (!ready || mustSignIn) return null;
  // A password the administrator reset must be replaced before anything else (every other call is refused).
  if (route.name === 'sign-in' || !session || session.user.mustChangePassword) {
    return <SignIn next={route.name === 'sign-in' ? route.next : undefined} signedIn={session} />;
  }
  return <Routed route={route} session={session} />;
}

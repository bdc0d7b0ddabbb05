/**
 * Hash routes. The hash keeps every screen on the one precached index.html, so deep links and
 * reloads work offline and from any server path without server-side routing.
 *   #/                home        #/a/:id          checklist
 *   #/new             new         #/a/:id/summary  summary
 *   #/settings        settings    #/a/:id/report   report
 *                                 #/a/:id/version  a newer version of its criteria set (issue #12)
 *   #/enroll?code=…   enroll (link or QR code from the province)
 *   #/review…         the reviewer area, which parses the rest itself (src/ui/reviewer/routes.ts)
 *   #/team/log[/:id]  a community team phone (issue #15): new support entry, or edit one
 *   #/team/day?date=  the day view            #/team/survey   the satisfaction survey
 *   #/team/name       the member changes the phone's display name
 * A query after the path ("#/a/x?code=HTS7") is kept in `query`.
 */
import { useEffect, useState } from 'preact/hooks';

export type Route = (
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'settings' }
  | { name: 'enroll' }
  | { name: 'checklist'; id: string }
  | { name: 'summary'; id: string }
  | { name: 'report'; id: string }
  | { name: 'setVersion'; id: string }
  | { name: 'review' }
  | { name: 'team'; view: TeamView; id?: string }
  | { name: 'not-found' }
) & { path: string; query: Readonly<Record<string, string>> };

export type RouteName = Route['name'];

/** The screens of a community team phone (issue #15); its home is #/ itself. */
export type TeamView = 'log' | 'day' | 'survey' | 'name';
const TEAM_VIEWS: readonly string[] = ['log', 'day', 'survey', 'name'];

function decode(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}

/** "#/a/x/summary?y=1" (or without "#") → route. Never throws. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const q = raw.indexOf('?');
  const path = (q === -1 ? raw : raw.slice(0, q)) || '/';
  const query = Object.fromEntries(new URLSearchParams(q === -1 ? '' : raw.slice(q + 1)));
  const parts = path.split('/').filter(Boolean);
  const base = { path, query };
  const [first, id, sub, ...rest] = parts;
  if (parts.length === 0) return { ...base, name: 'home' };
  if (parts.length === 1 && first === 'new') return { ...base, name: 'new' };
  if (parts.length === 1 && first === 'settings') return { ...base, name: 'settings' };
  if (parts.length === 1 && first === 'enroll') return { ...base, name: 'enroll' };
  if (first === 'review') return { ...base, name: 'review' };
  if (first === 'team' && id !== undefined && TEAM_VIEWS.includes(id) && rest.length === 0) {
    const view = id as TeamView;
    if (sub === undefined) return { ...base, name: 'team', view };
    const decoded = view === 'log' ? decode(sub) : undefined;
    if (decoded) return { ...base, name: 'team', view, id: decoded };
  }
  if (first === 'a' && id !== undefined && rest.length === 0) {
    const decoded = decode(id);
    if (decoded) {
      if (sub === undefined) return { ...base, name: 'checklist', id: decoded };
      if (sub === 'summary') return { ...base, name: 'summary', id: decoded };
      if (sub === 'report') return { ...base, name: 'report', id: decoded };
      if (sub === 'version') return { ...base, name: 'setVersion', id: decoded };
    }
  }
  return { ...base, name: 'not-found' };
}

/** Paths to build links with: href={`#${paths.summary(id)}`} or navigate(paths.summary(id)). */
export const paths = {
  home: () => '/',
  new: () => '/new',
  settings: () => '/settings',
  enroll: () => '/enroll',
  checklist: (id: string) => `/a/${encodeURIComponent(id)}`,
  summary: (id: string) => `/a/${encodeURIComponent(id)}/summary`,
  report: (id: string) => `/a/${encodeURIComponent(id)}/report`,
  setVersion: (id: string) => `/a/${encodeURIComponent(id)}/version`,
  teamLog: (id?: string) => (id === undefined ? '/team/log' : `/team/log/${encodeURIComponent(id)}`),
  teamDay: (date?: string) => (date === undefined ? '/team/day' : `/team/day?date=${date}`),
  teamSurvey: () => '/team/survey',
  teamName: () => '/team/name',
};

/** Where the header's back link leads from a route, or undefined on home. */
export function parentPath(route: Route): string | undefined {
  switch (route.name) {
    case 'home':
    case 'review': // the reviewer area has its own navigation
      return undefined;
    case 'summary':
    case 'report':
    case 'setVersion':
      return paths.checklist(route.id);
    default:
      return paths.home();
  }
}

/** Goes to a path such as "/a/x" ("#/a/x" also accepted). `replace` keeps history from growing. */
export function navigate(path: string, opts: { replace?: boolean } = {}): void {
  const hash = path.startsWith('#') ? path : `#${path.startsWith('/') ? path : `/${path}`}`;
  if (opts.replace) {
    history.replaceState(history.state, '', hash);
    // replaceState fires no hashchange; tell the listeners ourselves.
    dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = hash;
  }
}

export function currentRoute(): Route {
  return parseRoute(location.hash);
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const [route, setRoute] = useState(currentRoute);
  useEffect(() => {
    const onChange = () => setRoute(currentRoute());
    addEventListener('hashchange', onChange);
    onChange();
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

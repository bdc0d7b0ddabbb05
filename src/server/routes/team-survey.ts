/**
 * GET /team/survey (issue #15): the satisfaction survey a team phone runs: the one carried by the
 * most recently published criteria set of its province that has one, else the bundled default.
 * Team phones are on 2G: the survey's "id@version" is its ETag, and a phone that already holds it
 * gets a 304 with no body.
 */
import type { CommunityReference } from '../community/reference';
import { surveyForProvince } from '../community/province-surveys';
import type { AppDeps } from '../context';
import { unauthorized } from '../errors';
import { TeamSurveySchema } from '../schemas/community';
import type { ApiRoutes } from './registry';

/**
 * If-None-Match holds the ETag: a list, weak or strong (weak comparison, RFC 9110, for a GET), or
 * `*`; a bare id@version without quotes is taken too, as the contract names it.
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag || `"${t}"` === etag;
  });
}

export function registerTeamSurveyRoute(api: ApiRoutes, deps: AppDeps, reference: CommunityReference): void {
  api.add(
    {
      method: 'get',
      path: '/team/survey',
      tag: 'community',
      summary: "The satisfaction survey a team phone runs: its province's newest published one, else the default",
      description:
        'The survey of the most recently published criteria set of the phone’s province that carries one, else the ' +
        'bundled default. `ETag` is the survey’s `"id@version"`; `If-None-Match` with it → 304.',
      auth: 'team',
      responses: {
        200: { description: 'The survey', schema: TeamSurveySchema },
        304: { description: 'The phone already holds this survey (If-None-Match)' },
        403: { description: 'Not a community team phone' },
      },
    },
    async (c) => {
      const device = c.get('principal');
      if (device?.kind !== 'device') throw unauthorized();
      const survey = await surveyForProvince(deps, reference, device.provinceCode);
      const etag = `"${survey.id}@${survey.version}"`;
      c.header('ETag', etag);
      if (etagMatches(c.req.header('If-None-Match'), etag)) return c.body(null, 304);
      return c.json({ survey });
    },
  );
}

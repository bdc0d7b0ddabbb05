/**
 * Community digital teams (issue #15): team enrollment codes, a team phone's support entries and
 * survey responses (exactly once, per-item answers), and the commune's tally. A team phone is
 * refused everywhere else (403 team_device, routes/registry.ts).
 */
import { assertProvinceAccess } from '../auth/guards';
import { publishedSurveys } from '../community/province-surveys';
import { communityReference } from '../community/reference';
import { storeSurveyResponses, storeTeamEntries, type IntakeResult } from '../community/intake';
import { clientIp, type AppContext, type AppDeps, type DevicePrincipal } from '../context';
import { forbidden, notFound, unauthorized } from '../errors';
import { forOutside } from '../../domain/community/tally';
import { communityTallyFor, vietnamYear } from '../repositories/community-tally';
import { CommuneCodeSchema } from '../schemas/common';
import {
  CommunityTallySchema,
  IntakeAckSchema,
  IntakeRefusalSchema,
  SurveyResponsesBodySchema,
  TallyQuerySchema,
  TeamEntriesBodySchema,
} from '../schemas/community';
import { EnrollmentCodeSchema } from '../schemas/enrollment';
import { audit } from '../services/audit-trail';
import { issueEnrollmentCode } from '../services/enrollment';
import type { ApiRoutes } from './registry';
import { registerTeamSurveyRoute } from './team-survey';

function communeParam(c: AppContext, deps: AppDeps) {
  const code = c.req.param('communeCode') ?? '';
  const found = CommuneCodeSchema.safeParse(code).success ? deps.reference.communes.get(code) : undefined;
  if (!found) throw notFound('Unknown commune code');
  return found;
}

const intakeResponses = {
  200: { description: 'Every item stored now or already (a replay)', schema: IntakeAckSchema },
  400: { description: 'Not a batch (not an object, no items, over 500)' },
  409: { description: 'Some ids are stored with other content (nothing overwritten); the other items were handled' },
  422: { description: 'Some items refused, each with its reason; the valid ones were stored', schema: IntakeRefusalSchema },
};

async function answer(c: AppContext, deps: AppDeps, device: DevicePrincipal, action: string, r: IntakeResult) {
  await audit(
    deps,
    { principal: device, ip: clientIp(c, deps) },
    {
      action,
      outcome: r.problems.length ? 'failure' : 'success',
      target: device.communeCode,
      detail: { accepted: r.accepted.length, duplicates: r.duplicates.length, refused: r.problems.length },
    },
  );
  const ack = { accepted: r.accepted, duplicates: r.duplicates };
  if (r.problems.length === 0) return c.json(ack);
  const invalid = r.problems.some((p) => p.code === 'invalid_item');
  const error = invalid
    ? { code: 'invalid_items', message: 'Some items were refused; the others were stored', items: r.problems }
    : { code: 'id_conflict', message: 'Some ids are already stored with other content', items: r.problems };
  return c.json({ ...ack, error }, invalid ? 422 : 409);
}

function teamDevice(c: AppContext): DevicePrincipal {
  const p = c.get('principal');
  if (p?.kind !== 'device') throw unauthorized();
  return p;
}

export function registerCommunityRoutes(api: ApiRoutes, deps: AppDeps): void {
  const reference = communityReference();

  api.add(
    {
      method: 'post',
      path: '/communes/{communeCode}/team-codes',
      tag: 'community',
      summary: 'Issue a single-use enrollment code for a community team phone (valid 7 days)',
      description: "A reviewer of the commune's province, the admin, or an officer phone enrolled for the commune.",
      auth: 'any',
      responses: {
        201: { description: 'The code, its link and QR code', schema: EnrollmentCodeSchema },
        403: { description: 'Another province or commune' },
        404: { description: 'Unknown commune' },
      },
    },
    async (c) => {
      const { commune, province } = communeParam(c, deps);
      const principal = c.get('principal');
      if (principal?.kind === 'device') {
        if (principal.communeCode !== commune.code) throw forbidden('This phone is enrolled for another commune');
      } else assertProvinceAccess(principal, province.code);
      if (!principal) throw unauthorized();
      const issued = await issueEnrollmentCode(
        deps,
        principal,
        { communeCode: commune.code, provinceCode: province.code, role: 'team' },
        deps.publicUrl,
        clientIp(c, deps),
      );
      return c.json({ ...issued, communeCode: commune.code, communeName: commune.name, provinceCode: province.code }, 201);
    },
  );

  api.add(
    {
      method: 'post',
      path: '/team/entries',
      tag: 'community',
      summary: "Support-log entries of a team phone, for its own commune; idempotent by each entry's id",
      auth: 'team',
      body: TeamEntriesBodySchema,
      responses: intakeResponses,
    },
    async (c, { body }) => {
      const device = teamDevice(c);
      const r = await storeTeamEntries(deps.db, reference, device, body.entries, deps.now().toISOString());
      return answer(c, deps, device, 'team.entries', r);
    },
  );

  api.add(
    {
      method: 'post',
      path: '/team/survey-responses',
      tag: 'community',
      summary: "Anonymous survey responses taken on a team phone, for its own commune; idempotent by each response's id",
      auth: 'team',
      body: SurveyResponsesBodySchema,
      responses: intakeResponses,
    },
    async (c, { body }) => {
      const device = teamDevice(c);
      const r = await storeSurveyResponses(deps.db, reference, device, body.responses, deps.now().toISOString(), () =>
        publishedSurveys(deps, device.provinceCode),
      );
      return answer(c, deps, device, 'team.survey-responses', r);
    },
  );

  registerTeamSurveyRoute(api, deps, reference);

  api.add(
    {
      method: 'get',
      path: '/communes/{communeCode}/community-tally',
      tag: 'community',
      summary: "The commune's community-team tally for a year (default: this year, Vietnam time)",
      description:
        "The commune's officer phones see exact figures; reviewers of its province and the admin too, except that " +
        'satisfaction over fewer than 5 responses is `{tooFew: true}` (too few to report).',
      auth: 'any',
      query: TallyQuerySchema,
      responses: {
        200: { description: 'The tally', schema: CommunityTallySchema },
        403: { description: 'Another commune or province' },
        404: { description: 'Unknown commune' },
      },
    },
    async (c, { query }) => {
      const { commune, province } = communeParam(c, deps);
      const principal = c.get('principal');
      const inside = principal?.kind === 'device';
      if (principal?.kind === 'device') {
        if (principal.communeCode !== commune.code) throw forbidden('This phone is enrolled for another commune');
      } else assertProvinceAccess(principal, province.code);
      const year = query.year ? Number(query.year) : vietnamYear(deps.now());
      const tally = await communityTallyFor(deps.db, commune.code, year);
      return c.json(inside ? tally : forOutside(tally));
    },
  );
}

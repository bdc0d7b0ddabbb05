/**
 * The commune's population (issue #15), which measured indicators divide by ("residents helped
 * per 1,000 inhabitants"). The officer knows it and enters it from the commune's enrolled phone;
 * a reviewer of the province (or an admin) may correct it. Stored once per commune with who and
 * when; every change is audited with the value before and after.
 */
import { assertNotTeamDevice, assertProvinceAccess } from '../auth/guards';
import { clientIp, type AppContext, type AppDeps, type Principal } from '../context';
import { forbidden, notFound } from '../errors';
import { populationOf, setPopulation } from '../repositories/commune-populations';
import type { CommunePopulationsTable } from '../db/schema';
import { CommuneCodeSchema } from '../schemas/common';
import { PopulationRequestSchema, PopulationSchema, type PopulationView } from '../schemas/commune-population';
import { audit } from '../services/audit-trail';
import type { ApiRoutes } from './registry';

function communeParam(c: AppContext, deps: AppDeps) {
  const code = c.req.param('communeCode') ?? '';
  const found = CommuneCodeSchema.safeParse(code).success ? deps.reference.communes.get(code) : undefined;
  if (!found) throw notFound('Unknown commune code');
  return found;
}

/** The commune's own device, or a reviewer of its province; "who" as stored in set_by. */
function authorize(principal: Principal | undefined, communeCode: string, provinceCode: string): string {
  if (principal?.kind === 'device') {
    // A team phone logs support and surveys; the commune's figures are its officer's.
    assertNotTeamDevice(principal);
    if (principal.communeCode !== communeCode) throw forbidden('This device is enrolled for another commune');
    return `device:${principal.id}`;
  }
  return `user:${assertProvinceAccess(principal, provinceCode).username}`;
}

export function viewOf(communeCode: string, row: CommunePopulationsTable | undefined): PopulationView {
  return {
    communeCode,
    population: row?.population ?? null,
    setAt: row?.set_at ?? null,
    setBy: row ? (row.set_by.startsWith('device:') ? 'commune' : 'reviewer') : null,
  };
}

export function registerCommunePopulationRoutes(api: ApiRoutes, deps: AppDeps): void {
  const responses = {
    200: { description: 'The population as stored', schema: PopulationSchema },
    403: { description: 'Another commune’s device, or a reviewer of another province' },
    404: { description: 'Unknown commune' },
  };
  api.add(
    {
      method: 'get',
      path: '/communes/{communeCode}/population',
      tag: 'communes',
      summary: 'The commune’s population (null until entered)',
      auth: 'any',
      responses,
    },
    async (c) => {
      const { commune, province } = communeParam(c, deps);
      authorize(c.get('principal'), commune.code, province.code);
      return c.json(viewOf(commune.code, await populationOf(deps.db, commune.code)));
    },
  );

  api.add(
    {
      method: 'put',
      path: '/communes/{communeCode}/population',
      tag: 'communes',
      summary: 'Enter or correct the commune’s population (its officer’s phone, or a reviewer of the province)',
      auth: 'any',
      body: PopulationRequestSchema,
      responses: { ...responses, 400: { description: 'Not a whole number from 1 to 5,000,000' } },
    },
    async (c, { body }) => {
      const { commune, province } = communeParam(c, deps);
      const principal = c.get('principal');
      const setBy = authorize(principal, commune.code, province.code);
      const row = { commune_code: commune.code, population: body.population, set_at: deps.now().toISOString(), set_by: setBy };
      const before = await setPopulation(deps.db, row);
      await audit(
        deps,
        { principal, ip: clientIp(c, deps) },
        {
          action: 'commune.population',
          outcome: 'success',
          target: commune.code,
          detail: { before: before?.population ?? null, after: body.population },
        },
      );
      return c.json(viewOf(commune.code, row));
    },
  );
}

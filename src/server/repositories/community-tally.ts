/**
 * A commune's community tally for a year (issue #15), summed in SQL: two grouped queries whatever
 * the number of entries, for one commune or a whole province's dashboard. The sums are those of
 * src/domain/community/tally.ts (mean = sum / n of the overall answers, satisfied = 4 or 5); a test
 * holds the two equal. The measured criteria input reads `communityTallyFor`.
 */
import { sql, type Kysely } from 'kysely';
import type { CommunityTally } from '../../domain/community/tally';
import type { Database } from '../db/schema';

/** The year in Vietnam time (UTC+7): a tally asked without a year is this one's. */
export const vietnamYear = (now: Date): number => new Date(now.getTime() + 7 * 3600 * 1000).getUTCFullYear();

export type CommunityScope = { communeCode: string } | { provinceCode: string };

export function emptyTally(year: number): CommunityTally {
  return {
    period: String(year),
    residentsHelped: 0,
    residentsByKind: {},
    sessions: 0,
    responses: 0,
    satisfaction: { mean: null, shareSatisfied: null, n: 0 },
  };
}

/** Every commune of the scope with at least one entry or response in the year, by commune code. */
export async function communityTallies(
  db: Kysely<Database>,
  scope: CommunityScope,
  year: number,
): Promise<Map<string, CommunityTally>> {
  const [from, to] = [`${year}-01-01`, `${year}-12-31`];
  const [column, value] = 'communeCode' in scope ? ['commune_code', scope.communeCode] : ['province_code', scope.provinceCode];
  const entries = await db
    .selectFrom('team_entries')
    .select(['commune_code', 'kind'])
    .select((eb) => [eb.fn.sum<number | string>('residents').as('residents'), eb.fn.countAll<number | string>().as('sessions')])
    .where(sql.ref(column), '=', value)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy(['commune_code', 'kind'])
    .execute();
  const responses = await db
    .selectFrom('survey_responses')
    .select('commune_code')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('responses'),
      eb.fn.count<number | string>('overall').as('n'),
      eb.fn.sum<number | string | null>('overall').as('overall_sum'),
      sql<number | string | null>`sum(case when overall >= 4 then 1 else 0 end)`.as('satisfied'),
    ])
    .where(sql.ref(column), '=', value)
    .where('answered_on', '>=', from)
    .where('answered_on', '<=', to)
    .groupBy('commune_code')
    .execute();

  const tallies = new Map<string, CommunityTally>();
  const of = (commune: string): CommunityTally => {
    let t = tallies.get(commune);
    if (!t) tallies.set(commune, (t = emptyTally(year)));
    return t;
  };
  for (const r of entries) {
    const t = of(r.commune_code);
    const residents = Number(r.residents);
    t.residentsHelped += residents;
    t.residentsByKind[r.kind] = residents;
    t.sessions += Number(r.sessions);
  }
  for (const r of responses) {
    const t = of(r.commune_code);
    const n = Number(r.n);
    t.responses = Number(r.responses);
    t.satisfaction = {
      mean: n ? Number(r.overall_sum) / n : null,
      shareSatisfied: n ? Number(r.satisfied) / n : null,
      n,
    };
  }
  return tallies;
}

/** The commune's exact tally for the year (zeros when its teams sent nothing). */
export async function communityTallyFor(db: Kysely<Database>, communeCode: string, year: number): Promise<CommunityTally> {
  return (await communityTallies(db, { communeCode }, year)).get(communeCode) ?? emptyTally(year);
}

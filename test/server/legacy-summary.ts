/**
 * The province summary recomputed the slow, obvious way, straight from the source of truth (the
 * stored payloads and JSON scores of assessment_revisions), as the server computed it before
 * latest_scores existed. The tests hold the server's answer from latest_scores against this.
 */
import type { Kysely } from 'kysely';
import type { Province } from '../../src/domain/admin-units';
import { applicableComponents } from '../../src/domain/catalogue';
import { componentWeight, round1 } from '../../src/domain/scoring';
import type { Submission } from '../../src/domain/submission';
import type { AreaType, ScoreResult } from '../../src/domain/types';
import type { Database } from '../../src/server/db/schema';
import type { ReferenceData } from '../../src/server/reference-data';
import { listLatestSubmissions, type LatestSubmissionRow } from '../../src/server/repositories/assessments';

/** One row per commune: the first of the newest-first rows (latest received, smallest id on ties). */
function perCommune(rows: LatestSubmissionRow[]): LatestSubmissionRow[] {
  const seen = new Map<string, LatestSubmissionRow>();
  for (const row of rows) if (!seen.has(row.commune_code)) seen.set(row.commune_code, row);
  return [...seen.values()];
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((s, v) => s + v, 0) / values.length);
}

function averages(rows: LatestSubmissionRow[]) {
  const layers = new Map<number, number[]>();
  const groups = new Map<string, number[]>();
  for (const row of rows) {
    const score = JSON.parse(row.score) as ScoreResult;
    for (const l of score.layers) layers.set(l.layer, [...(layers.get(l.layer) ?? []), l.score]);
    for (const g of score.groups) if (g.score !== null) groups.set(g.id, [...(groups.get(g.id) ?? []), g.score]);
  }
  return {
    index: mean(rows.map((r) => r.score_index)),
    layer: (l: number) => mean(layers.get(l) ?? []),
    group: (id: string) => mean(groups.get(id) ?? []),
  };
}

function coverage(rows: LatestSubmissionRow[], reference: ReferenceData) {
  const tally = new Map<string, { order: number; counted: number; covered: number; row: Record<string, unknown> }>();
  for (const row of rows) {
    const submission = JSON.parse(row.payload ?? '{}') as Submission;
    const catalogue = reference.catalogues.get(submission.catalogueVersion);
    const methodology = reference.methodologies.get(submission.methodologyId);
    if (!catalogue || !methodology) continue;
    const answers = new Map(submission.answers.map((a) => [a.code, a]));
    for (const c of applicableComponents(catalogue, submission.areaTypes)) {
      const answer = answers.get(c.code);
      if (componentWeight(c, answer, methodology) === 0) continue;
      const t = tally.get(c.code) ?? {
        order: catalogue.components.indexOf(c),
        counted: 0,
        covered: 0,
        row: { code: c.code, group: c.group, tier: c.tier, areaType: c.areaType ?? null, vi: c.vi },
      };
      t.counted++;
      if (typeof answer?.status === 'number' && answer.status >= 2) t.covered++;
      tally.set(c.code, t);
    }
  }
  return [...tally.values()]
    .map((t) => ({ ...t, share: Math.round((t.covered / t.counted) * 1000) / 1000 }))
    .sort((a, b) => a.share - b.share || a.order - b.order)
    .map((t) => ({ ...t.row, counted: t.counted, covered: t.covered, share: t.share }));
}

/**
 * The verified averages (issue #14) of a world with no verification step: none counted, every mean
 * null. The averages over verified communes have their own test (verified-averages.test.ts); this
 * reference refuses a world it does not model rather than answer for it.
 */
async function assertNoVerification(db: Kysely<Database>): Promise<void> {
  const row = await db
    .selectFrom('verifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) !== 0) throw new Error('legacySummary models a world without verification steps');
}

const noneVerified = (groupIds: readonly string[]) => ({
  communes: 0,
  index: { self: null, verified: null },
  groups: groupIds.map((id) => ({ id, self: null, verified: null })),
});

/** Per criteria set and version named in the JSON scores: the obvious means, straight from score.criteria. */
function criteriaSets(rows: LatestSubmissionRow[], reference: ReferenceData) {
  const scores = rows.flatMap((r) => (JSON.parse(r.score) as ScoreResult).criteria ?? []);
  const keys = [...new Set(scores.map((c) => `${c.setId}@${c.setVersion}`))].sort();
  return keys.flatMap((key) => {
    const set = reference.criteriaSets.get(key);
    if (!set) return [];
    const under = scores.filter((c) => `${c.setId}@${c.setVersion}` === key);
    const groupsOf = (id: string) => under.flatMap((c) => c.groups.filter((g) => g.id === id));
    return [
      {
        setId: set.id,
        setVersion: set.version,
        title: { vi: set.title.vi, en: set.title.en },
        notice: set.notice ? { vi: set.notice.vi, en: set.notice.en } : null,
        template: set.template,
        pointBased: set.total.aggregate === 'sum',
        communes: under.length,
        averageTotal: mean(under.map((c) => c.total)),
        max: under[0]!.max,
        levels: set.levels.map(({ level, min, vi, en }) => ({
          level,
          count: under.filter((c) => c.level === level).length,
          min,
          vi,
          en,
        })),
        groups: set.groups.map((g) => ({
          id: g.id,
          parent: g.parent ?? null,
          vi: g.vi,
          en: g.en,
          average: mean(groupsOf(g.id).flatMap((x) => (x.score === null ? [] : [x.score]))),
          max: groupsOf(g.id)[0]!.max,
        })),
        verified: noneVerified(set.groups.map((g) => g.id)),
      },
    ];
  });
}

export async function legacySummary(
  db: Kysely<Database>,
  reference: ReferenceData,
  province: Province,
  areaType: AreaType | undefined,
) {
  const counts = (rows: LatestSubmissionRow[]) =>
    rows.filter((r) => areaType === undefined || (JSON.parse(r.area_types) as string[]).includes(areaType));
  const local = counts(perCommune(await listLatestSubmissions(db, { provinceCode: province.code, withPayload: true })));
  const nationalRows = counts(perCommune(await listLatestSubmissions(db, {})));
  const [mine, country] = [averages(local), averages(nationalRows)];
  const methodology = reference.methodologies.get(reference.current.methodologyId);
  await assertNoVerification(db);
  return {
    provinceCode: province.code,
    provinceName: province.name,
    areaType: areaType ?? null,
    communes: { total: province.communes.length, submitted: local.length },
    averageIndex: mine.index,
    nationalAverageIndex: country.index,
    levels: (methodology?.levels ?? []).map((l) => ({ level: l.level, count: local.filter((r) => r.level === l.level).length })),
    layers: [1, 2, 3, 4].map((layer) => ({ layer, province: mine.layer(layer), national: country.layer(layer) })),
    groups: (methodology?.scoreGroups ?? []).map((g) => ({
      id: g.id,
      layer: g.layer,
      province: mine.group(g.id),
      national: country.group(g.id),
    })),
    coverage: coverage(local, reference),
    criteriaSets: criteriaSets(local, reference),
    verified: noneVerified((methodology?.scoreGroups ?? []).map((g) => g.id)),
  };
}

/** The admin's all-provinces view the way it was computed before commune_scores fed it: from every latest JSON score. */
export async function legacyOverview(db: Kysely<Database>, reference: ReferenceData) {
  const all = perCommune(await listLatestSubmissions(db, {}));
  const levels = reference.methodologies.get(reference.current.methodologyId)?.levels ?? [];
  const provinces = reference.adminUnits.provinces.map((p) => {
    const own = all.filter((r) => r.province_code === p.code);
    const mine = averages(own);
    return {
      code: p.code,
      name: p.name,
      communes: { total: p.communes.length, submitted: own.length },
      averageIndex: mine.index,
      levels: levels.map((l) => ({ level: l.level, count: own.filter((r) => r.level === l.level).length })),
      layers: [1, 2, 3, 4].map((layer) => ({ layer, score: mine.layer(layer) })),
    };
  });
  const total = reference.adminUnits.provinces.reduce((n, p) => n + p.communes.length, 0);
  return { provinces, national: { communes: { total, submitted: all.length }, averageIndex: averages(all).index } };
}

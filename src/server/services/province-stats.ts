/**
 * The numbers of the reviewer's dashboard. Rules, so that anyone can recompute them by hand:
 * - each commune is represented by its latest received assessment (latest revision), whatever
 *   its review state; communes that sent nothing are "not submitted";
 * - with ?areaType= only communes whose latest assessment lists that area type are counted
 *   (the total stays every commune of the province: area types are known only once submitted);
 * - averages are plain means of the stored (one-decimal) scores, rounded to one decimal;
 *   a group no counted commune has (score null) is left out of its mean;
 * - coverage of a component = communes at status 2 or 3 / communes for which the component
 *   counts (applicable to their area types, not N/A, "…khác" only when named), weakest first.
 * The summary reads these from commune_scores (scores and coverage marks kept per commune
 * when a revision is stored) rather than from the stored JSON, see repositories/commune-scores.ts.
 */
import type { Province } from '../../domain/admin-units';
import { round1 } from '../../domain/scoring';
import type { AreaType, CatalogueComponent } from '../../domain/types';
import type { LatestSubmissionRow } from '../repositories/assessments';
import { MARK, type CountedRow, type ScoreTotals, type Total } from '../repositories/commune-scores';
import type { CriteriaRow } from '../repositories/criteria-scores';
import type { VerifiedRow } from '../repositories/verifications';
import type { ReferenceData } from '../reference-data';
import type { CommuneRow, CoverageRow, ProvinceSummary } from '../schemas/provinces';
import { communeCriteria, criteriaSetSummaries } from './criteria-stats';
import { verifiedAverages } from './verified-stats';

export interface CommuneLatest {
  row: LatestSubmissionRow;
  areaTypes: AreaType[];
  count: number;
}

/** One entry per commune: its most recently received assessment, and how many it has. */
export function latestPerCommune(rows: readonly LatestSubmissionRow[]): Map<string, CommuneLatest> {
  const latest = new Map<string, CommuneLatest>();
  // Rows arrive newest first, so the first row seen for a commune is its latest.
  for (const row of rows) {
    const seen = latest.get(row.commune_code);
    if (seen) seen.count++;
    else latest.set(row.commune_code, { row, areaTypes: JSON.parse(row.area_types) as AreaType[], count: 1 });
  }
  return latest;
}

function lagSeconds(submittedAt: string, receivedAt: string): number | null {
  const lag = (Date.parse(receivedAt) - Date.parse(submittedAt)) / 1000;
  return Number.isFinite(lag) ? Math.round(lag) : null;
}

/**
 * Every commune of the province with its latest assessment; `criteria` (commune_scores' criteria
 * part, by commune) is attached when it describes that very revision.
 */
export function communeRows(
  province: Province,
  latest: Map<string, CommuneLatest>,
  criteria: ReadonlyMap<string, CriteriaRow>,
  reference: ReferenceData,
): CommuneRow[] {
  return province.communes.map((c) => {
    const entry = latest.get(c.code);
    const r = entry?.row;
    const scored = criteria.get(c.code);
    const same = r && scored && scored.assessmentId === r.id && scored.revision === r.latest_revision;
    return {
      code: c.code,
      name: c.name,
      type: c.type,
      submitted: r !== undefined,
      assessmentCount: entry?.count ?? 0,
      assessmentId: r?.id ?? null,
      revision: r?.latest_revision ?? null,
      period: r?.period ?? null,
      areaTypes: entry?.areaTypes ?? [],
      index: r?.score_index ?? null,
      level: r?.level ?? null,
      reviewState: r?.review_state ?? null,
      submittedAt: r?.submitted_at ?? null,
      receivedAt: r?.received_at ?? null,
      syncLagSeconds: r ? lagSeconds(r.submitted_at, r.received_at) : null,
      criteria: same ? communeCriteria(scored, reference) : null,
    };
  });
}

export function levelCounts(values: readonly number[], levels: readonly number[]): { level: number; count: number }[] {
  return levels.map((level) => ({ level, count: values.filter((v) => v === level).length }));
}

interface ScoreAverages {
  index: number | null;
  layers: Map<number, number | null>;
  groups: Map<string, number | null>;
}

/** Sums and counts; the mean is taken once at the end, so parts (methodologies) combine exactly. */
class Sums {
  readonly index: Total = { sum: 0, count: 0 };
  readonly layers = new Map<number, Total>();
  readonly groups = new Map<string, Total>();

  static add<K>(into: Map<K, Total>, key: K, t: Total): void {
    const seen = into.get(key);
    if (seen) {
      seen.sum += t.sum;
      seen.count += t.count;
    } else if (t.count > 0) into.set(key, { ...t });
  }

  means(): ScoreAverages {
    const mean = (t: Total) => (t.count === 0 ? null : round1(t.sum / t.count));
    return {
      index: mean(this.index),
      layers: new Map([...this.layers].map(([k, t]) => [k, mean(t)])),
      groups: new Map([...this.groups].map(([k, t]) => [k, mean(t)])),
    };
  }
}

/** Means from commune_scores' SQL totals (province summary, national overview): group slots map back to their methodology's ids. */
export function averagesOf(totals: readonly ScoreTotals[], reference: ReferenceData): ScoreAverages {
  const sums = new Sums();
  for (const t of totals) {
    sums.index.sum += t.index.sum;
    sums.index.count += t.index.count;
    for (const [layer, total] of t.layers) Sums.add(sums.layers, layer, total);
    const defs = reference.methodologies.get(t.methodologyId)?.scoreGroups ?? [];
    t.groups.forEach((total, slot) => {
      const id = defs[slot]?.id;
      if (id !== undefined) Sums.add(sums.groups, id, total);
    });
  }
  return sums.means();
}

export function coverage(rows: readonly CountedRow[], reference: ReferenceData): CoverageRow[] {
  const tally = new Map<string, { component: CatalogueComponent; order: number; counted: number; covered: number }>();
  for (const row of rows) {
    const catalogue = reference.catalogues.get(row.catalogue_version);
    if (!catalogue || !reference.methodologies.has(row.methodology_id)) continue;
    for (let order = 0; order < row.coverage.length; order++) {
      const mark = row.coverage[order];
      const component = catalogue.components[order];
      if (mark === MARK.notCounted || !component) continue;
      // Ties are listed in catalogue order, whichever commune first brought the component in.
      const t = tally.get(component.code) ?? { component, order, counted: 0, covered: 0 };
      t.counted++;
      if (mark === MARK.covered) t.covered++;
      tally.set(component.code, t);
    }
  }
  return [...tally.values()]
    .map((t) => ({ ...t, share: Math.round((t.covered / t.counted) * 1000) / 1000 }))
    .sort((a, b) => a.share - b.share || a.order - b.order)
    .map(({ component: c, counted, covered, share }) => ({
      code: c.code,
      group: c.group,
      tier: c.tier,
      areaType: c.areaType ?? null,
      vi: c.vi,
      counted,
      covered,
      share,
    }));
}

/** What the summary reads from commune_scores: the province's and the country's figures. */
export interface SummaryInput {
  local: readonly ScoreTotals[];
  national: readonly ScoreTotals[];
  /** The province's representative rows, after the area-type filter. */
  counted: readonly CountedRow[];
  /** Those of them that name a criteria set. */
  criteria: readonly CriteriaRow[];
  /** Those of them whose representing revision has a verification. */
  verified: readonly VerifiedRow[];
}

export function provinceSummary(
  province: Province,
  input: SummaryInput,
  reference: ReferenceData,
  areaType: AreaType | undefined,
): ProvinceSummary {
  const national = averagesOf(input.national, reference);
  const local = averagesOf(input.local, reference);
  const methodology = reference.methodologies.get(reference.current.methodologyId);
  const levels = methodology?.levels.map((l) => l.level) ?? [1, 2, 3, 4, 5];
  const scoreGroups = methodology?.scoreGroups ?? [];
  return {
    provinceCode: province.code,
    provinceName: province.name,
    areaType: areaType ?? null,
    communes: { total: province.communes.length, submitted: input.counted.length },
    averageIndex: local.index,
    nationalAverageIndex: national.index,
    levels: levelCounts(
      input.counted.map((r) => r.level),
      levels,
    ),
    layers: [1, 2, 3, 4].map((layer) => ({
      layer,
      province: local.layers.get(layer) ?? null,
      national: national.layers.get(layer) ?? null,
    })),
    groups: scoreGroups.map((g) => ({
      id: g.id,
      layer: g.layer,
      province: local.groups.get(g.id) ?? null,
      national: national.groups.get(g.id) ?? null,
    })),
    coverage: coverage(input.counted, reference),
    criteriaSets: criteriaSetSummaries(input.criteria, reference, input.verified),
    verified: verifiedAverages(input.verified, reference),
  };
}

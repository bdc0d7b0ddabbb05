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
 */
import { applicableComponents } from '../../domain/catalogue';
import type { Province } from '../../domain/admin-units';
import { componentWeight, round1 } from '../../domain/scoring';
import type { Submission } from '../../domain/submission';
import type { AreaType, CatalogueComponent, ScoreResult } from '../../domain/types';
import type { LatestSubmissionRow } from '../repositories/assessments';
import type { ReferenceData } from '../reference-data';
import type { CommuneRow, CoverageRow, ProvinceSummary } from '../schemas/provinces';

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

export function communeRows(province: Province, latest: Map<string, CommuneLatest>): CommuneRow[] {
  return province.communes.map((c) => {
    const entry = latest.get(c.code);
    const r = entry?.row;
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
    };
  });
}

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : round1(values.reduce((s, v) => s + v, 0) / values.length);
}

export function filterByArea(entries: Iterable<CommuneLatest>, areaType: AreaType | undefined): CommuneLatest[] {
  return [...entries].filter((e) => areaType === undefined || e.areaTypes.includes(areaType));
}

export function levelCounts(entries: readonly CommuneLatest[], levels: readonly number[]): { level: number; count: number }[] {
  return levels.map((level) => ({ level, count: entries.filter((e) => e.row.level === level).length }));
}

interface ScoreAverages {
  index: number | null;
  layers: Map<number, number | null>;
  groups: Map<string, number | null>;
}

export function scoreAverages(entries: readonly CommuneLatest[]): ScoreAverages {
  const scores = entries.map((e) => JSON.parse(e.row.score) as ScoreResult);
  const layerValues = new Map<number, number[]>();
  const groupValues = new Map<string, number[]>();
  for (const s of scores) {
    for (const l of s.layers) layerValues.set(l.layer, [...(layerValues.get(l.layer) ?? []), l.score]);
    for (const g of s.groups) if (g.score !== null) groupValues.set(g.id, [...(groupValues.get(g.id) ?? []), g.score]);
  }
  return {
    index: mean(entries.map((e) => e.row.score_index)),
    layers: new Map([...layerValues].map(([k, v]) => [k, mean(v)])),
    groups: new Map([...groupValues].map(([k, v]) => [k, mean(v)])),
  };
}

export function coverage(entries: readonly CommuneLatest[], reference: ReferenceData): CoverageRow[] {
  const tally = new Map<string, { component: CatalogueComponent; order: number; counted: number; covered: number }>();
  for (const entry of entries) {
    const submission = JSON.parse(entry.row.payload ?? '{}') as Submission;
    const catalogue = reference.catalogues.get(submission.catalogueVersion);
    const methodology = reference.methodologies.get(submission.methodologyId);
    if (!catalogue || !methodology) continue;
    const answers = new Map(submission.answers.map((a) => [a.code, a]));
    for (const component of applicableComponents(catalogue, submission.areaTypes)) {
      const answer = answers.get(component.code);
      if (componentWeight(component, answer, methodology) === 0) continue;
      // Ties are listed in catalogue order, whichever commune first brought the component in.
      const order = catalogue.components.indexOf(component);
      const t = tally.get(component.code) ?? { component, order, counted: 0, covered: 0 };
      t.counted++;
      if (typeof answer?.status === 'number' && answer.status >= 2) t.covered++;
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

export function provinceSummary(
  province: Province,
  provinceLatest: Map<string, CommuneLatest>,
  nationalLatest: Map<string, CommuneLatest>,
  reference: ReferenceData,
  areaType: AreaType | undefined,
): ProvinceSummary {
  const counted = filterByArea(provinceLatest.values(), areaType);
  const national = scoreAverages(filterByArea(nationalLatest.values(), areaType));
  const local = scoreAverages(counted);
  const methodology = reference.methodologies.get(reference.current.methodologyId);
  const levels = methodology?.levels.map((l) => l.level) ?? [1, 2, 3, 4, 5];
  const scoreGroups = methodology?.scoreGroups ?? [];
  return {
    provinceCode: province.code,
    provinceName: province.name,
    areaType: areaType ?? null,
    communes: { total: province.communes.length, submitted: counted.length },
    averageIndex: local.index,
    nationalAverageIndex: national.index,
    levels: levelCounts(counted, levels),
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
    coverage: coverage(counted, reference),
  };
}

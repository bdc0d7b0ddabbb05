/**
 * The phone's comparison: its commune's self-assessed score per group beside the average of the
 * province's communes and of the province's communes of the same area type, over communes scored
 * on the same basis only (the same criteria set and version, or the same provisional methodology):
 * groups of different bases are never mixed. No other commune is named, and an average over fewer
 * than MIN_COMMUNES communes is withheld, so that no single commune's figures can be read from it.
 */
import type { Submission } from '../../domain/submission';
import type { ScoreResult } from '../../domain/types';
import type { AppDeps } from '../context';
import { communeScores, GROUP_SLOTS } from '../repositories/commune-scores';
import type { AssessmentRow, RevisionRow } from '../repositories/assessments';
import type { Comparison } from '../schemas/verification';
import { criteriaSetOf } from './criteria-submission';
import { storedSubmission } from './submission-results';

export const MIN_COMMUNES = 3;

type Average = { average: number; communes: number } | null;

function average(values: readonly (number | null | undefined)[]): Average {
  const present = values.filter((v): v is number => typeof v === 'number');
  if (present.length < MIN_COMMUNES) return null;
  return { average: Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10, communes: present.length };
}

interface Peer {
  areaTypes: string[];
  total: number | null;
  groups: Map<string, number | null>;
}

export async function comparisonOf(deps: AppDeps, assessment: AssessmentRow, revision: RevisionRow): Promise<Comparison> {
  const submission: Submission = storedSubmission(revision);
  const score = JSON.parse(revision.score) as ScoreResult;
  // Bundled or the province's published set (accepted when the revision was stored, so held).
  const set = await criteriaSetOf(deps, assessment.province_code, submission);
  const methodology = deps.reference.methodologies.get(submission.methodologyId);
  const rows = await communeScores(deps.db, { provinceCode: assessment.province_code })
    .selectAll('s')
    .$if(set !== undefined, (qb) =>
      qb.where('s.criteria_set_id', '=', set?.id ?? '').where('s.criteria_set_version', '=', set?.version ?? ''),
    )
    .$if(set === undefined, (qb) =>
      qb.where('s.criteria_set_id', 'is', null).where('s.methodology_id', '=', submission.methodologyId),
    )
    .execute();
  const slots = methodology?.scoreGroups ?? [];
  const peers: Peer[] = rows.map((r) => ({
    areaTypes: JSON.parse(r.area_types) as string[],
    total: set ? r.criteria_total : r.score_index,
    groups: set
      ? new Map(JSON.parse(r.criteria_groups ?? '[]') as [string, number | null][])
      : new Map(GROUP_SLOTS.flatMap((slot) => (slots[slot - 1] ? [[slots[slot - 1]?.id ?? '', r[`group_${slot}`]]] : []))),
  }));
  const areaType = submission.areaTypes[0] ?? null;
  const sameType = peers.filter((p) => areaType !== null && p.areaTypes.includes(areaType));
  const groups = set
    ? set.groups.map((g) => ({
        id: g.id,
        vi: g.vi,
        en: g.en,
        max: g.points ?? 100,
        commune: score.criteria?.groups.find((x) => x.id === g.id)?.score ?? null,
      }))
    : slots.map((g) => ({
        id: g.id,
        vi: g.vi,
        en: g.en,
        max: 100,
        commune: score.groups.find((x) => x.id === g.id)?.score ?? null,
      }));
  return {
    assessmentId: assessment.id,
    revision: revision.revision,
    basis: set
      ? { kind: 'criteria', id: set.id, version: set.version }
      : { kind: 'methodology', id: submission.methodologyId, version: null },
    areaType,
    total: {
      commune: set ? (score.criteria?.total ?? 0) : score.index,
      max: set ? set.total.points : 100,
      province: average(peers.map((p) => p.total)),
      areaType: average(sameType.map((p) => p.total)),
    },
    groups: groups.map((g) => ({
      ...g,
      province: average(peers.map((p) => p.groups.get(g.id))),
      areaType: average(sameType.map((p) => p.groups.get(g.id))),
    })),
    computedAt: deps.now().toISOString(),
  };
}

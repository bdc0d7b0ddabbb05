/**
 * The one scoring module shared by the phone (advisory score) and the server (authoritative
 * recomputation). Pure: takes the catalogue, methodology, area types and answers; loads nothing.
 *
 * Rounding: group, layer and index scores are computed unrounded and rounded to one decimal
 * only in the result. The level is read from the rounded index, so that the level always
 * agrees with the number the officer sees (24.96 shows as 25.0, level 2).
 */
import { assessmentProgress } from './progress';
import { computeRawScores } from './scoring-raw';
import type { ScoringInput } from './scoring-raw';
import type { GroupCode, GroupScore, LayerScore, Methodology, ScoreResult } from './types';

export { componentWeight, componentValue } from './scoring-raw';
export type { ScoringInput } from './scoring-raw';

/** One decimal, half away from zero; the epsilon keeps 24.95 (stored as 24.9499…) from rounding down. */
export function round1(x: number): number {
  return Math.round((x + Math.sign(x) * 1e-9) * 10) / 10;
}

/** The highest level whose lower bound the index reaches (levels ascend; the first starts at 0). */
export function levelFor(index: number, m: Methodology): number {
  let level = m.levels[0]?.level ?? 1;
  for (const l of m.levels) if (index >= l.min) level = l.level;
  return level;
}

export function scoreAssessment(input: ScoringInput): ScoreResult {
  const { catalogue, methodology: m } = input;
  const raw = computeRawScores(input);

  // Progress (answered / counted) has one definition, shared with every screen: ./progress.ts.
  const progress = assessmentProgress(input);
  const byCatalogueGroup = new Map(progress.groups.map((g) => [g.code, g]));
  const groups: GroupScore[] = m.scoreGroups.map((g, i) => {
    let counted = 0;
    let answered = 0;
    for (const member of g.members) {
      counted += byCatalogueGroup.get(member)?.counted ?? 0;
      answered += byCatalogueGroup.get(member)?.answered ?? 0;
    }
    const score = raw.groupScore[i] ?? null;
    return { id: g.id, layer: g.layer, score: score === null ? null : round1(score), applicable: counted, answered };
  });
  const layers: LayerScore[] = raw.layers.map((l) => ({ layer: l.layer, score: round1(l.score) }));
  const { answered, counted, essential } = progress;

  const index = round1(raw.index);
  const indexLevel = levelFor(index, m);
  let level = indexLevel;
  const gatesApplied: string[] = [];
  m.gates.forEach((gate, g) => {
    if (!raw.gateHolds[g] || gate.capLevel >= indexLevel) return;
    gatesApplied.push(gate.id);
    level = Math.min(level, gate.capLevel);
  });

  return {
    catalogueVersion: catalogue.version,
    methodologyId: m.id,
    index,
    indexLevel,
    level,
    gatesApplied,
    layers,
    groups,
    // Nothing to count is vacuously complete (never the case with a real catalogue).
    completeness: {
      answered,
      counted,
      essentialAnswered: essential.answered,
      essentialTotal: essential.counted,
      ratio: counted === 0 ? 1 : answered / counted,
    },
    complete: essential.answered === essential.counted,
  };
}

export interface GroupProgress {
  code: GroupCode;
  answered: number;
  total: number;
}

/** Progress per catalogue group for the checklist's group headers (./progress.ts has the rules). */
export function groupProgress(input: ScoringInput): GroupProgress[] {
  return assessmentProgress(input).groups.map((g) => ({ code: g.code, answered: g.answered, total: g.counted }));
}

/**
 * The unrounded arithmetic of the methodology (product.md, "The scoring methodology"). Shared by
 * scoreAssessment (which rounds for display) and gapList (which needs the exact denominators).
 */
import { isScaleStatus, naAllowed, normalizeText } from './answer-rules';
import { effectiveAnswers } from './same-items';
import { scoringPlan } from './scoring-plan';
import type { ScoringPlan } from './scoring-plan';
import type { Answer, AnswerMap, AreaType, Catalogue, CatalogueComponent, LayerId, Methodology } from './types';

export interface ScoringInput {
  catalogue: Catalogue;
  methodology: Methodology;
  areaTypes: readonly AreaType[];
  answers: AnswerMap;
}

/**
 * How much a component weighs in its score group; 0 = not counted. Applicability to the area
 * types is decided by the caller (the plan); here only tier, "…khác" naming and N/A matter.
 * An N/A the methodology does not allow for this component is ignored (counted as unanswered),
 * so a malformed answer can never shrink the denominator.
 */
export function componentWeight(c: CatalogueComponent, a: Answer | undefined, m: Methodology): number {
  if (c.tier !== 'commune-essential' && c.tier !== 'area-specific') return 0;
  if (a?.status === 'na' && naAllowed(c, m)) return 0;
  if (c.open) {
    const named = typeof a?.openName === 'string' && normalizeText(a.openName) !== '';
    return m.openItemsCountOnlyWhenNamed && !named ? 0 : m.weights.open;
  }
  return m.weights[c.tier];
}

/** Status points 0…maxStatus; unanswered (or anything off the scale) is 0 but stays counted. */
export function statusPoints(a: Answer | undefined, m: Methodology): number {
  const status: unknown = a?.status;
  return isScaleStatus(status, m) ? status : 0;
}

/** Component value = status / maxStatus, 0–1. */
export function componentValue(a: Answer | undefined, m: Methodology): number {
  return statusPoints(a, m) / m.maxStatus;
}

export interface RawLayer {
  layer: LayerId;
  /** Unrounded 0–100: mean of its scorable groups, or 0 when none is scorable. */
  score: number;
  /** How many of its score groups are scorable (Σw > 0): the divisor of its mean. */
  scorableGroups: number;
}

export interface RawScores {
  plan: ScoringPlan;
  /** Per planned component (same order as plan.components). */
  weights: number[];
  points: number[];
  answered: boolean[];
  /** Per score group (methodology order): Σw and Σ(w × status points). */
  groupWeight: number[];
  groupPoints: number[];
  /** Unrounded 0–100, null when Σw = 0. */
  groupScore: (number | null)[];
  layers: RawLayer[];
  /** Unrounded mean of the layers; 0 when no layer is applicable. */
  index: number;
  /** Per gate (methodology order): is some counted component below its minStatus? */
  gateHolds: boolean[];
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);

export function computeRawScores(input: ScoringInput): RawScores {
  const { catalogue, methodology: m, areaTypes } = input;
  const plan = scoringPlan(catalogue, m, areaTypes);
  // A same item asked once for several area types counts, with its one answer, for each of them.
  const answers = effectiveAnswers(catalogue, areaTypes, input.answers);
  const nGroups = m.scoreGroups.length;
  const groupWeight = new Array<number>(nGroups).fill(0);
  const groupPoints = new Array<number>(nGroups).fill(0);
  const gateHolds = m.gates.map(() => false);
  const weights: number[] = [];
  const points: number[] = [];
  const answered: boolean[] = [];

  for (const p of plan.components) {
    const a = answers[p.component.code];
    const w = p.scoreGroup < 0 ? 0 : componentWeight(p.component, a, m);
    const pts = statusPoints(a, m);
    weights.push(w);
    points.push(pts);
    answered.push(isScaleStatus(a?.status, m));
    if (w === 0) continue;
    // Integer arithmetic for Σ(w × status) keeps "everything at 3" exactly 100.
    groupWeight[p.scoreGroup] = (groupWeight[p.scoreGroup] ?? 0) + w;
    groupPoints[p.scoreGroup] = (groupPoints[p.scoreGroup] ?? 0) + w * pts;
    for (const g of p.gates) {
      const gate = m.gates[g];
      if (gate && !(isScaleStatus(a?.status, m) && pts >= gate.minStatus)) gateHolds[g] = true;
    }
  }

  const groupScore = groupWeight.map((w, i) => (w > 0 ? (100 * (groupPoints[i] ?? 0)) / (m.maxStatus * w) : null));
  const layers = plan.layers.map((layer): RawLayer => {
    const scores = groupScore.filter((s, i): s is number => s !== null && plan.groupLayer[i] === layer);
    return { layer, score: mean(scores), scorableGroups: scores.length };
  });
  const index = mean(layers.map((l) => l.score));
  return { plan, weights, points, answered, groupWeight, groupPoints, groupScore, layers, index, gateHolds };
}

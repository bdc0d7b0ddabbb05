/**
 * The result of an assessment under a criteria set, as Summary and Report show it: the engine's
 * score (computed on every view, never stored as truth) and its groups as table rows, nested
 * groups under their parent. Pure.
 */
import { scoreCriteria } from '../../../domain/criteria/score';
import type { CriteriaScore } from '../../../domain/criteria/score';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import type { AssessmentData } from './use-assessment-data';

export function criteriaScoreOf(data: AssessmentData, set: CriteriaSet): CriteriaScore {
  const { catalogue, assessment, answers } = data;
  return scoreCriteria({ set, catalogue, areaTypes: assessment.areaTypes, answers });
}

export interface CriteriaGroupLine {
  id: string;
  name: { vi: string; en: string };
  depth: number;
  /** Rounded as the set says; null when nothing in it is counted. */
  points: number | null;
  max: number;
  answered: number;
  counted: number;
}

export function criteriaGroupLines(set: CriteriaSet, score: CriteriaScore): CriteriaGroupLine[] {
  const byParent = new Map<string | null, CriteriaScore['groups']>();
  for (const g of score.groups) byParent.set(g.parent, [...(byParent.get(g.parent) ?? []), g]);
  const defs = new Map(set.groups.map((g) => [g.id, g]));
  const lines: CriteriaGroupLine[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const g of byParent.get(parent) ?? []) {
      const def = defs.get(g.id);
      const name = def ? { vi: def.vi, en: def.en } : { vi: g.id, en: g.id };
      lines.push({ id: g.id, name, depth, points: g.score, max: g.max, answered: g.answered, counted: g.counted });
      walk(g.id, depth + 1);
    }
  };
  walk(null, 0);
  return lines;
}

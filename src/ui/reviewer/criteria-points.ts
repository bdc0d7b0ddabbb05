/**
 * Points per group of a submission scored under a criteria set (score.criteria), as rows for the
 * reviewer's table: the group's name from the set when it is loaded (its code otherwise), nested
 * groups indented under their parent, points out of the group's maximum.
 */
import type { CriteriaScore, CriteriaSet } from '../../domain/criteria';

export interface CriteriaGroupRow {
  id: string;
  name: string;
  depth: number;
  /** Rounded as the set says; null when nothing in the group is counted. */
  points: number | null;
  max: number;
  answered: number;
  counted: number;
}

export function criteriaGroupRows(score: CriteriaScore, set: CriteriaSet | undefined, lang: string): CriteriaGroupRow[] {
  const defs = new Map(set?.groups.map((g) => [g.id, g]));
  const byParent = new Map<string | null, CriteriaScore['groups']>();
  for (const g of score.groups) byParent.set(g.parent, [...(byParent.get(g.parent) ?? []), g]);
  const rows: CriteriaGroupRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const g of byParent.get(parent) ?? []) {
      const def = defs.get(g.id);
      const name = def ? (lang === 'vi' ? def.vi : def.en) : g.id;
      rows.push({ id: g.id, name, depth, points: g.score, max: g.max, answered: g.answered, counted: g.counted });
      walk(g.id, depth + 1);
    }
  };
  walk(null, 0);
  return rows;
}

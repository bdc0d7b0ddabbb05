/**
 * Which newer version of its criteria set a draft could move to. Pure and light: the checklist's
 * notice uses it (what moving would change is version-move.ts, on the version screen).
 */
import type { CriteriaSet } from '../../../domain/criteria/schema';
import { isLocked } from '../../../domain/vocabulary';
import type { Assessment } from '../../../domain/types';

/** Versions are "2026.2": the year, then the issue within it (so 2026.10 comes after 2026.9). */
export function compareVersions(a: string, b: string): number {
  const [ay = 0, an = 0] = a.split('.').map(Number);
  const [by = 0, bn = 0] = b.split('.').map(Number);
  return ay - by || an - bn;
}

/** The newest held version of the assessment's set after the one it is on; undefined when none. */
export function newerVersionOf<T extends { set: CriteriaSet }>(assessment: Assessment, held: readonly T[]): T | undefined {
  const named = assessment.criteriaSet;
  if (!named || isLocked(assessment.status)) return undefined;
  let best: T | undefined;
  for (const row of held)
    if (row.set.id === named.id && compareVersions(row.set.version, (best?.set ?? { version: named.version }).version) > 0)
      best = row;
  return best;
}

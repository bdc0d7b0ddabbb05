/**
 * The measured figures a submission is scored with (issue #15): the server's own community tally
 * for the commune and year, and the population stored for the commune, never anything the phone
 * sends. Looked up only when the criteria set reads a measured figure. They are stored with the
 * revision's score (score.criteria.measured), so that the score can be reproduced and the
 * verified score is computed from the very same figures, not from a tally that has grown since.
 */
import type { Kysely } from 'kysely';
import { measuredYear, usesMeasured } from '../../domain/criteria/measured';
import type { MeasuredInputs } from '../../domain/criteria/measured';
import type { CriteriaSet } from '../../domain/criteria';
import type { Submission } from '../../domain/submission';
import type { ScoreResult } from '../../domain/types';
import type { Database } from '../db/schema';
import { populationOf } from '../repositories/commune-populations';
import { communityTallyFor } from '../repositories/community-tally';

export async function measuredInputsFor(
  db: Kysely<Database>,
  communeCode: string,
  submission: Submission,
  set: CriteriaSet | undefined,
): Promise<MeasuredInputs | undefined> {
  if (!usesMeasured(set)) return undefined;
  const year = measuredYear(submission.period, submission.submittedAt);
  const [tally, population] = await Promise.all([communityTallyFor(db, communeCode, year), populationOf(db, communeCode)]);
  return { tally, population: population?.population ?? null };
}

/** The figures a stored revision was scored with (undefined for a set without measured inputs). */
export function storedMeasured(scoreJson: string): MeasuredInputs | undefined {
  return (JSON.parse(scoreJson) as ScoreResult).criteria?.measured;
}

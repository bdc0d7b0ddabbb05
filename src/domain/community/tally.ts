/** The commune's community tally (issue #15): sums of entries and responses. Pure. */
import type { SupportEntry, SurveyResponse } from './schemas';

/** Below this many responses, satisfaction is not reported outside the commune. */
export const MIN_RESPONSES_TO_REPORT = 5;

export type Satisfaction = { mean: number | null; shareSatisfied: number | null; n: number };
export type CommunityTally = {
  period: string;
  residentsHelped: number;
  residentsByKind: Record<string, number>;
  sessions: number;
  responses: number;
  satisfaction: Satisfaction | { tooFew: true };
};

/** `overall` is the survey's overall question; satisfied = 4 or 5 on it. */
export function tally(
  period: string,
  entries: readonly SupportEntry[],
  responses: readonly SurveyResponse[],
  overall: string,
): CommunityTally {
  const residentsByKind: Record<string, number> = {};
  let residentsHelped = 0;
  for (const e of entries) {
    residentsHelped += e.residents;
    residentsByKind[e.kind] = (residentsByKind[e.kind] ?? 0) + e.residents;
  }
  const scores = responses.map((r) => r.answers[overall]).filter((a): a is number => typeof a === 'number');
  const n = scores.length;
  const mean = n ? scores.reduce((a, b) => a + b, 0) / n : null;
  const shareSatisfied = n ? scores.filter((s) => s >= 4).length / n : null;
  return {
    period,
    residentsHelped,
    residentsByKind,
    sessions: entries.length,
    responses: responses.length,
    satisfaction: { mean, shareSatisfied, n },
  };
}

/** The tally as shown outside the commune: satisfaction over too few responses is withheld. */
export function forOutside(t: CommunityTally): CommunityTally {
  const s = t.satisfaction;
  return 'n' in s && s.n < MIN_RESPONSES_TO_REPORT ? { ...t, satisfaction: { tooFew: true } } : t;
}

/**
 * Measured indicator inputs (issue #15): figures the commune does not declare but the community
 * digital teams measure (src/domain/community: the support log and the satisfaction survey), and
 * the commune's population, entered once per commune. An indicator with a "measured" input reads
 * one named metric; the officer answers nothing for it. The server computes the metric from its
 * own tally and population when a submission arrives and stores what it used with the revision;
 * the phone computes the same value offline from its synced tally, labelled as provisional.
 * Every value is an exact rational, so phone and server agree to the last digit.
 */
import { MIN_RESPONSES_TO_REPORT } from '../community/tally';
import type { CommunityTally } from '../community/tally';
import { rat } from './rational';
import type { Rational } from './rational';

export const MEASURED_METRICS = [
  'residentsHelped',
  'residentsHelpedPer1000',
  'sessions',
  'surveyResponses',
  'satisfactionMean',
  'shareSatisfied',
] as const;
export type MeasuredMetric = (typeof MEASURED_METRICS)[number];

/**
 * The rule each metric is scored by. Counts and rates are a ladder of whole numbers ("steps":
 * ≥ 10 per 1,000 → 5 points); the share satisfied is a percentage ("thresholds": ≥ 80% → 10).
 * The mean (1–5) is a ladder of whole scale points (≥ 4 → full): the survey's own scale.
 */
export const MEASURED_RULE: Readonly<Record<MeasuredMetric, 'steps' | 'thresholds'>> = {
  residentsHelped: 'steps',
  residentsHelpedPer1000: 'steps',
  sessions: 'steps',
  surveyResponses: 'steps',
  satisfactionMean: 'steps',
  shareSatisfied: 'thresholds',
};

/** What a measured value is computed from. tally null: none synced or held for the period. */
export interface MeasuredInputs {
  tally: CommunityTally | null;
  /** Inhabitants of the commune; null while nobody has entered it. */
  population: number | null;
}

/** Why a measured indicator has no value: it is counted, scores 0, and says this. */
export type NotMeasured = 'no-tally' | 'population-missing' | 'too-few-responses';

export type MeasuredValue = { ok: true; value: Rational } | { ok: false; reason: NotMeasured };

const exact = (value: Rational): MeasuredValue => ({ ok: true, value });
const notMeasured = (reason: NotMeasured): MeasuredValue => ({ ok: false, reason });

/** The satisfaction figures with the count they rest on; null when withheld ({ tooFew }). */
function satisfactionOf(t: CommunityTally): { mean: number | null; shareSatisfied: number | null; n: number } | null {
  return 'n' in t.satisfaction ? t.satisfaction : null;
}

/**
 * The metric's exact value. The tally carries the mean and share as decimals over n responses;
 * n × mean is the whole sum of the answers and n × share the whole number satisfied, so both are
 * rebuilt as exact fractions over n. Satisfaction over fewer than 5 responses is not a measure
 * (the privacy rule of issue #15), nor is a rate per 1,000 without the population.
 */
export function measuredValue(metric: MeasuredMetric, inputs: MeasuredInputs): MeasuredValue {
  const t = inputs.tally;
  if (!t) return notMeasured('no-tally');
  switch (metric) {
    case 'residentsHelped':
      return exact(rat(t.residentsHelped));
    case 'sessions':
      return exact(rat(t.sessions));
    case 'surveyResponses':
      return exact(rat(t.responses));
    case 'residentsHelpedPer1000': {
      const p = inputs.population;
      if (p === null || !Number.isInteger(p) || p <= 0) return notMeasured('population-missing');
      return exact(rat(t.residentsHelped * 1000, p));
    }
    case 'satisfactionMean':
    case 'shareSatisfied': {
      const s = satisfactionOf(t);
      if (!s || s.n < MIN_RESPONSES_TO_REPORT) return notMeasured('too-few-responses');
      const figure = metric === 'satisfactionMean' ? s.mean : s.shareSatisfied;
      if (figure === null) return notMeasured('too-few-responses');
      // The share is scored as a percentage (thresholds are in %).
      const whole = Math.round(figure * s.n);
      return exact(metric === 'satisfactionMean' ? rat(whole, s.n) : rat(whole * 100, s.n));
    }
  }
}

/** A set that reads measured figures: only then are the tally and population looked up. */
export const usesMeasured = (set: { indicators: readonly { input: { kind: string } }[] } | undefined): boolean =>
  set?.indicators.some((ind) => ind.input.kind === 'measured') ?? false;

/**
 * The year whose tally an assessment is scored with: the year its period names ("Năm 2026",
 * "2026"), else the year it was submitted or updated. One rule for the phone and the server.
 */
export function measuredYear(period: string, at: string): number {
  const named = /(?:^|\D)((?:19|20)\d\d)(?!\d)/.exec(period);
  return Number(named?.[1] ?? at.slice(0, 4));
}

/** A measured value as a plain number for display (the share in %, the rate per 1,000). */
export const measuredNumber = (v: Rational): number => Number(v.n) / Number(v.d);

/**
 * What a measured indicator's card says (issue #15): the figure the phone computed from its synced
 * tally (the same exact value the server computes, src/domain/criteria/measured.ts), rounded for
 * reading, or why there is none. Provisional: the server scores it again from its own figures.
 */
import { getDb } from '../../../db';
import type { XasoDb } from '../../../db/database';
import { getSetting } from '../../../db/settings';
import { tallyKey } from '../../../db/team-rows';
import { measuredNumber, measuredValue, measuredYear } from '../../../domain/criteria/measured';
import type { MeasuredInputs, MeasuredMetric, NotMeasured } from '../../../domain/criteria/measured';
import type { Assessment } from '../../../domain/types';

export type MeasuredLine = { ok: true; metric: MeasuredMetric; value: number } | { ok: false; reason: NotMeasured };

/** Decimals shown: whole counts, one decimal for rates, the mean and the share. */
const DECIMALS: Record<MeasuredMetric, number> = {
  residentsHelped: 0,
  sessions: 0,
  surveyResponses: 0,
  residentsHelpedPer1000: 1,
  satisfactionMean: 1,
  shareSatisfied: 1,
};

export function measuredLine(metric: MeasuredMetric, inputs: MeasuredInputs): MeasuredLine {
  const m = measuredValue(metric, inputs);
  return m.ok ? { ok: true, metric, value: measuredNumber(m.value) } : { ok: false, reason: m.reason };
}

export const measuredDecimals = (metric: MeasuredMetric): number => DECIMALS[metric];

/** The year scored and the figures this phone holds for it (synced tally; the population synced with it). */
export async function phoneMeasuredInputs(
  a: Assessment,
  db: XasoDb = getDb(),
): Promise<{ year: number; inputs: MeasuredInputs }> {
  const year = measuredYear(a.period, a.updatedAt);
  const row = await db.communityTallies.get(tallyKey(a.communeCode, String(year)));
  // The officer's unsent figure first (src/sync/population.ts), else the server's.
  const draft = await getSetting('communePopulationDraft', db);
  const population = draft?.communeCode === a.communeCode ? draft : await getSetting('communePopulation', db);
  const own = population?.communeCode === a.communeCode ? population.population : null;
  return { year, inputs: { tally: row?.tally ?? null, population: own } };
}

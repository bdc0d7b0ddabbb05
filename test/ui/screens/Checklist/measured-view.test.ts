/**
 * A measured indicator on the officer's phone (issue #15): the provisional figure comes from the
 * tally and population the phone synced, and equals what the server computes from the same
 * figures (the same domain function); without them the card says why, and scores 0.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../../../src/db/database';
import { setSetting } from '../../../../src/db/settings';
import { scoreCriteria } from '../../../../src/domain/criteria';
import { measuredLine, phoneMeasuredInputs } from '../../../../src/ui/screens/Checklist/measured-view';
import { pullPopulation } from '../../../../src/sync/population';
import { tinyCatalogue } from '../../../domain/criteria/fixtures';
import { measuredSet, tallyOf } from '../../../domain/criteria/measured-fixtures';
import { COMMUNE, enrollFor, freshDb, json, seedAssessment } from '../../../sync/helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

describe('measured indicators on the phone', () => {
  it('computes the provisional value from the synced tally and population, as the server would', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db); // period 2026
    await db.communityTallies.put({
      key: `${COMMUNE}@2026`,
      communeCode: COMMUNE,
      year: '2026',
      tally: tallyOf(37, 5, 6),
      fetchedAt: '2026-05-01T00:00:00.000Z',
    });
    const asked: string[] = [];
    const fetch = async (input: string) => {
      asked.push(input.replace(/^.*\/api\/v1/, ''));
      return json(200, { communeCode: COMMUNE, population: 2500, setAt: '2026-04-01T00:00:00.000Z', setBy: 'commune' });
    };
    expect(await pullPopulation({ db, fetch })).toBe(true);
    expect(asked).toEqual([`/communes/${COMMUNE}/population`]);

    const phone = await phoneMeasuredInputs(a, db);
    expect(phone).toEqual({ year: 2026, inputs: { tally: tallyOf(37, 5, 6), population: 2500 } });
    expect(measuredLine('residentsHelpedPer1000', phone.inputs)).toEqual({
      ok: true,
      metric: 'residentsHelpedPer1000',
      value: 14.8,
    });
    expect(measuredLine('shareSatisfied', phone.inputs)).toEqual({ ok: true, metric: 'shareSatisfied', value: 500 / 6 });
    const score = (inputs: typeof phone.inputs) =>
      scoreCriteria({ set: measuredSet(), catalogue: tinyCatalogue, areaTypes: ['rural'], answers: {}, measured: inputs });
    // What the server stores with the revision is the same figures: the same score.
    expect(score(phone.inputs)).toEqual(score(JSON.parse(JSON.stringify(phone.inputs)) as typeof phone.inputs));
    expect(score(phone.inputs).indicators.find((i) => i.code === 'M1')).toMatchObject({ points: 5, problem: null });
  });

  it('says why there is no figure: nothing synced, no population, another commune’s population', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    let phone = await phoneMeasuredInputs(a, db);
    expect(measuredLine('residentsHelped', phone.inputs)).toEqual({ ok: false, reason: 'no-tally' });
    await db.communityTallies.put({
      key: `${COMMUNE}@2026`,
      communeCode: COMMUNE,
      year: '2026',
      tally: tallyOf(10, 1, 2),
      fetchedAt: '2026-05-01T00:00:00.000Z',
    });
    await setSetting('communePopulation', { communeCode: '99999', population: 100, setAt: '2026-01-01T00:00:00Z' }, db);
    phone = await phoneMeasuredInputs(a, db);
    expect(measuredLine('residentsHelpedPer1000', phone.inputs)).toEqual({ ok: false, reason: 'population-missing' });
    expect(measuredLine('shareSatisfied', phone.inputs)).toEqual({ ok: false, reason: 'too-few-responses' });
    // An unanswered or unreadable population call keeps nothing new.
    expect(await pullPopulation({ db, fetch: async () => json(200, { population: null, setAt: null }) })).toBe(false);
    expect(await pullPopulation({ db, fetch: async () => Promise.reject(new TypeError('offline')) })).toBe(false);
  });
});

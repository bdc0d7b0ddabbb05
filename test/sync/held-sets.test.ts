/**
 * loadReference's criteria sets are the bundled ones and the downloaded ones (issue #12 item 1):
 * an assessment on a province's downloaded set is found, checked and sent offline like one on
 * a bundled set.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { storeDownloadedSet } from '../../src/db/criteria-sets';
import type { XasoDb } from '../../src/db/database';
import { parseCriteriaSet } from '../../src/domain/criteria';
import type { Answer, Assessment } from '../../src/domain/types';
import { findCriteriaSet, heldCriteriaSets } from '../../src/sync/held-sets';
import { buildSubmission, checkReadiness } from '../../src/sync/payload';
import { provinceSet } from '../support/province-set';
import { freshDb, ref as baseRef } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const set = parseCriteriaSet(provinceSet('01', '2026.1'), baseRef.catalogue);
const key = `${set.id}@2026.1`;
const when = '2026-03-01T00:00:00.000Z';

async function hold(): Promise<void> {
  await storeDownloadedSet(
    { key, provinceCode: '01', serverId: 'u1', sha256: '0', publishedAt: when, downloadedAt: when, set },
    db,
  );
}

describe('held criteria sets', () => {
  it('are the bundled sets and the downloaded ones', async () => {
    db = freshDb();
    expect([...(await heldCriteriaSets(db)).keys()]).toEqual(['provisional@2026.1', 'template-commune-index@2026.1']);
    await hold();
    const held = await heldCriteriaSets(db);
    expect([...held.keys()]).toEqual(['provisional@2026.1', 'template-commune-index@2026.1', key]);
    expect(held.get(key)).toEqual(set);
    expect(await findCriteriaSet({ id: set.id, version: '2026.1' }, db)).toEqual(set);
    expect((await findCriteriaSet({ id: 'template-commune-index', version: '2026.1' }, db))?.indicators).toHaveLength(47);
    expect(await findCriteriaSet({ id: set.id, version: '2026.2' }, db)).toBeUndefined();
  });

  it('an assessment on a downloaded set is checked and sent under it', async () => {
    db = freshDb();
    await hold();
    const ref = { ...baseRef, criteriaSets: await heldCriteriaSets(db) };
    const assessment: Assessment = {
      id: 'a-prov-1',
      provinceCode: '01',
      communeCode: '00004',
      areaTypes: ['urban'],
      period: '2026',
      catalogueVersion: '2026.1',
      methodologyId: baseRef.methodology.id,
      criteriaSet: { id: set.id, version: '2026.1' },
      status: 'draft',
      createdAt: when,
      updatedAt: when,
    };
    const answers: Answer[] = [
      { code: 'NT1', status: null, value: { kind: 'number', value: 3 }, updatedAt: when },
      { code: 'NT2', status: null, value: { kind: 'choice', option: 'vice' }, updatedAt: when },
      { code: 'NT4', status: null, value: { kind: 'yesno', yes: true }, updatedAt: when },
      { code: 'TC1', status: null, value: { kind: 'yesno', yes: false }, updatedAt: when },
    ];
    expect(checkReadiness(assessment, answers, ref)).toEqual({
      ok: false,
      missing: 1,
      problems: [{ code: 'TC3', problem: 'required-unanswered' }],
    });
    const all = [...answers, { code: 'TC3', status: 2 as const, updatedAt: when }];
    expect(checkReadiness(assessment, all, ref)).toEqual({ ok: true });
    const body = buildSubmission(assessment, all, { revision: 1, submittedAt: when, ref });
    expect(body.criteriaSet).toEqual({ id: set.id, version: '2026.1' });
    expect(body.answers.map((a) => a.code).sort()).toEqual(['NT1', 'NT2', 'NT4', 'TC1', 'TC3']);
  });
});

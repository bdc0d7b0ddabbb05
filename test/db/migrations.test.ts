import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { getAnswers, saveAnswer } from '../../src/db/answers';
import { getAssessment, listAssessments, updateAssessment } from '../../src/db/assessments';
import { openXasoDb } from '../../src/db/database';
import type { XasoDb } from '../../src/db/database';
import { StorageWriteError } from '../../src/db/errors';
import { onDbBlockedOrStale } from '../../src/db/events';
import type { DbAlert } from '../../src/db/events';
import { checkSchemaHistory, LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../src/db/migrations';
import { getSetting } from '../../src/db/settings';
import type { Assessment } from '../../src/domain/types';
import { listDownloadedSets, moveToSetVersion, storeDownloadedSet } from '../../src/db/criteria-sets';
import { parseCriteriaSet } from '../../src/domain/criteria';
import catalogueJson from '../../data/catalogue/2026.1/catalogue.json';
import type { Catalogue } from '../../src/domain/types';
import { provinceSet } from '../support/province-set';

/**
 * Frozen copies of every RELEASED schema. Never edit one: add the next version here and in
 * src/db/migrations.ts, with data shaped as that version stored it.
 */
const RELEASED: Record<number, Record<string, string>> = {
  1: {
    assessments: 'id, communeCode, updatedAt, status',
    answers: '[assessmentId+code], assessmentId',
    settings: 'key',
    outbox: '++id, assessmentId, nextAttemptAt',
    sync: 'assessmentId',
  },
  2: {
    assessments: 'id, communeCode, updatedAt, status',
    answers: '[assessmentId+code], assessmentId',
    settings: 'key',
    outbox: '++id, assessmentId, nextAttemptAt',
    sync: 'assessmentId',
    touches: 'assessmentId',
  },
  3: {
    assessments: 'id, communeCode, updatedAt, status',
    answers: '[assessmentId+code], assessmentId',
    settings: 'key',
    outbox: '++id, assessmentId, nextAttemptAt',
    sync: 'assessmentId',
    touches: 'assessmentId',
    criteriaSets: 'key, provinceCode',
  },
  4: {
    assessments: 'id, communeCode, updatedAt, status',
    answers: '[assessmentId+code], assessmentId',
    settings: 'key',
    outbox: '++id, assessmentId, nextAttemptAt',
    sync: 'assessmentId',
    touches: 'assessmentId',
    criteriaSets: 'key, provinceCode',
    evidenceBlobs: 'sha256',
    evidenceLinks: 'id, assessmentId, sha256, [assessmentId+code]',
  },
  5: {
    assessments: 'id, communeCode, updatedAt, status',
    answers: '[assessmentId+code], assessmentId',
    settings: 'key',
    outbox: '++id, assessmentId, nextAttemptAt',
    sync: 'assessmentId',
    touches: 'assessmentId',
    criteriaSets: 'key, provinceCode',
    evidenceBlobs: 'sha256',
    evidenceLinks: 'id, assessmentId, sha256, [assessmentId+code]',
    verifiedResults: 'assessmentId',
  },
  6: {
    assessments: 'id, communeCode, updatedAt, status',
    answers: '[assessmentId+code], assessmentId',
    settings: 'key',
    outbox: '++id, assessmentId, nextAttemptAt',
    sync: 'assessmentId',
    touches: 'assessmentId',
    criteriaSets: 'key, provinceCode',
    evidenceBlobs: 'sha256',
    evidenceLinks: 'id, assessmentId, sha256, [assessmentId+code]',
    verifiedResults: 'assessmentId',
    teamEntries: 'id, date, syncState',
    surveyResponses: 'id, syncState',
    communityTallies: 'key',
  },
};

const v1Assessment: Assessment = {
  id: '3f1c2b7e-9d4a-4c1e-8f2a-0b1c2d3e4f50',
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: '2026.1',
  methodologyId: 'provisional-2026.1',
  status: 'draft',
  createdAt: '2026-03-01T08:00:00.000Z',
  updatedAt: '2026-03-02T08:00:00.000Z',
  helpers: 'Tổ công nghệ số cộng đồng',
  lastCode: 'ANM2',
};

const cleanup: Dexie[] = [];
afterEach(async () => {
  for (const db of cleanup.splice(0)) await db.delete();
});

function track<T extends Dexie>(db: T): T {
  cleanup.push(db);
  return db;
}

describe('schema history', () => {
  it('is well formed and starts with the released version 1 unchanged', () => {
    expect(checkSchemaHistory(SCHEMA_VERSIONS)).toEqual([]);
    for (const [version, stores] of Object.entries(RELEASED)) {
      expect(SCHEMA_VERSIONS.find((v) => v.version === Number(version))?.stores).toEqual(stores);
    }
    expect(
      checkSchemaHistory([
        { version: 2, stores: {}, note: '' },
        { version: 2, stores: {}, note: '' },
      ]),
    ).not.toEqual([]);
  });

  it.each(Object.keys(RELEASED).map(Number))('opens a database filled at version %i with every row intact', async (version) => {
    const name = `xaso-migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(version).stores(RELEASED[version] ?? {});
    await old.table('assessments').add(v1Assessment);
    await old.table('answers').bulkAdd([
      { assessmentId: v1Assessment.id, code: 'HTS1', status: 3, note: 'Đã có', updatedAt: '2026-03-02T08:00:00.000Z' },
      {
        assessmentId: v1Assessment.id,
        code: 'ANM2',
        status: 'na',
        naReason: 'Không áp dụng',
        updatedAt: '2026-03-02T07:00:00.000Z',
      },
    ]);
    await old.table('settings').bulkAdd([
      { key: 'lang', value: 'en' },
      { key: 'deviceId', value: 'device-1' },
    ]);
    await old
      .table('outbox')
      .add({ assessmentId: v1Assessment.id, revision: 1, enqueuedAt: 'x', attempts: 2, nextAttemptAt: 'y' });
    await old.table('sync').add({ assessmentId: v1Assessment.id, state: 'queued', revision: 1 });
    old.close();

    const db = track(openXasoDb(name));
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await getAssessment(v1Assessment.id, db)).toEqual(v1Assessment);
    expect(await listAssessments(db)).toHaveLength(1);
    expect(await db.assessments.where('communeCode').equals('00004').count()).toBe(1);
    const answers = await getAnswers(v1Assessment.id, db);
    expect(answers.HTS1).toMatchObject({ status: 3, note: 'Đã có' });
    expect(answers.ANM2).toMatchObject({ status: 'na', naReason: 'Không áp dụng' });
    expect(await getSetting('lang', db)).toBe('en');
    expect(await getSetting('deviceId', db)).toBe('device-1');
    expect(await db.outbox.where('assessmentId').equals(v1Assessment.id).first()).toMatchObject({ attempts: 2 });
    expect(await db.sync.get(v1Assessment.id)).toMatchObject({ state: 'queued' });
    // And the upgraded database takes new answers.
    await saveAnswer(v1Assessment.id, 'HTS2', { status: 1 }, { db });
    expect(Object.keys(await getAnswers(v1Assessment.id, db)).sort()).toEqual(['ANM2', 'HTS1', 'HTS2']);
  });
});

describe('version 1 → 2 (answer edits touch their own row)', () => {
  it('an assessment written by a v1 build keeps its updatedAt and lastCode until the next edit, which moves both', async () => {
    const name = `xaso-v1-touch-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(RELEASED[1] ?? {});
    const second: Assessment = {
      ...v1Assessment,
      id: '3f1c2b7e-9d4a-4c1e-8f2a-0b1c2d3e4f51',
      updatedAt: '2026-03-03T08:00:00.000Z',
      lastCode: 'HTS1',
    };
    await old.table('assessments').bulkAdd([v1Assessment, second]);
    old.close();

    const db = track(openXasoDb(name));
    expect(await getAssessment(v1Assessment.id, db)).toEqual(v1Assessment);
    expect((await listAssessments(db)).map((a) => a.id)).toEqual([second.id, v1Assessment.id]);
    const saved = await saveAnswer(v1Assessment.id, 'HTS3', { status: 2 }, { db });
    expect(await getAssessment(v1Assessment.id, db)).toEqual({ ...v1Assessment, updatedAt: saved.updatedAt, lastCode: 'HTS3' });
    // The row itself is not rewritten by a save: the touch is laid over it.
    expect(await db.assessments.get(v1Assessment.id)).toEqual(v1Assessment);
    expect((await listAssessments(db)).map((a) => a.id)).toEqual([v1Assessment.id, second.id]);
    // A details edit folds the touch into the row and keeps what it said.
    const updated = await updateAssessment(v1Assessment.id, { helpers: 'Tổ công nghệ số' }, db);
    expect(updated.lastCode).toBe('HTS3');
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(saved.updatedAt));
    expect(await db.touches.get(v1Assessment.id)).toBeUndefined();
    expect(await getAssessment(v1Assessment.id, db)).toEqual(updated);
  });
});

describe('version 2 → 3 (downloaded criteria sets, issue #12)', () => {
  it('drafts written by a v2 build keep their set and answers, and one moves to a newer downloaded version', async () => {
    const name = `xaso-v2-sets-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(2).stores(RELEASED[2] ?? {});
    const onTemplate: Assessment = { ...v1Assessment, criteriaSet: { id: 'template-commune-index', version: '2026.1' } };
    const setId = provinceSet('01').id;
    const onProvince: Assessment = {
      ...v1Assessment,
      id: '3f1c2b7e-9d4a-4c1e-8f2a-0b1c2d3e4f52',
      criteriaSet: { id: setId, version: '2026.1' },
    };
    const answers = [
      { assessmentId: onTemplate.id, code: 'NT3', status: null, value: { kind: 'pair', a: 2, b: 4 }, updatedAt: 'x' },
      { assessmentId: onProvince.id, code: 'NT4', status: null, value: { kind: 'yesno', yes: true }, updatedAt: 'y' },
      { assessmentId: onProvince.id, code: 'TC3', status: 2, updatedAt: 'z' },
    ];
    await old.table('assessments').bulkAdd([onTemplate, onProvince]);
    await old.table('answers').bulkAdd(answers);
    old.close();

    const db = track(openXasoDb(name));
    expect(await getAssessment(onTemplate.id, db)).toEqual(onTemplate);
    expect(await getAssessment(onProvince.id, db)).toEqual(onProvince);
    expect(await listDownloadedSets(undefined, db)).toEqual([]);
    for (const version of ['2026.1', '2026.2'] as const) {
      const set = parseCriteriaSet(provinceSet('01', version), catalogueJson as Catalogue);
      await storeDownloadedSet(
        {
          key: `${setId}@${version}`,
          provinceCode: '01',
          serverId: version,
          sha256: '0',
          publishedAt: version,
          downloadedAt: 'x',
          set,
        },
        db,
      );
    }
    const moved = await moveToSetVersion(onProvince.id, { id: setId, version: '2026.2' }, db);
    expect(moved).toMatchObject({ ...onProvince, criteriaSet: { id: setId, version: '2026.2' }, updatedAt: moved.updatedAt });
    expect(await db.answers.orderBy(['assessmentId', 'code']).toArray()).toEqual(
      [...answers].sort((a, b) => (a.assessmentId + a.code).localeCompare(b.assessmentId + b.code)),
    );
    expect(await getAssessment(onTemplate.id, db)).toEqual(onTemplate);
  });
});

describe('version 3 → 4 (evidence tables, issue #13)', () => {
  it('a v3 database gains empty evidence tables, keeps its rows and takes a file with its link', async () => {
    const name = `xaso-v3-evidence-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(3).stores(RELEASED[3] ?? {});
    await old.table('assessments').add(v1Assessment);
    await old.table('touches').add({ assessmentId: v1Assessment.id, updatedAt: '2026-03-04T08:00:00.000Z', lastCode: 'HTS1' });
    old.close();

    const db = track(openXasoDb(name));
    expect(await getAssessment(v1Assessment.id, db)).toEqual({
      ...v1Assessment,
      updatedAt: '2026-03-04T08:00:00.000Z',
      lastCode: 'HTS1',
    });
    expect(await db.evidenceBlobs.count()).toBe(0);
    const { attachEvidence, listEvidence } = await import('../../src/db/evidence');
    const photo = new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])]);
    const { link } = await attachEvidence(db, { assessmentId: v1Assessment.id, code: 'HTS1', blob: photo });
    expect(await listEvidence(db, v1Assessment.id, 'HTS1')).toEqual([link]);
    expect(await db.evidenceLinks.where('sha256').equals(link.sha256).count()).toBe(1);
  });
});

describe('version 5 → 6 (community team tables, issue #15)', () => {
  it('a database written by a v5 build keeps its rows and verified results, and takes entries, responses and tallies', async () => {
    const name = `xaso-migrate-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(5).stores(RELEASED[5] ?? {});
    await old.table('assessments').add(v1Assessment);
    await old.table('settings').add({
      key: 'enrollment',
      value: {
        deviceToken: 't',
        deviceId: 'd',
        communeCode: '00004',
        provinceCode: '01',
        communeName: 'Phường Ba Đình',
        enrolledAt: '2026-01-01T00:00:00.000Z',
      },
    });
    await old.table('verifiedResults').add({ assessmentId: v1Assessment.id, verification: {}, comparison: null, fetchedAt: 'x' });
    old.close();

    const db = track(openXasoDb(name));
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(await getAssessment(v1Assessment.id, db)).toMatchObject({ helpers: 'Tổ công nghệ số cộng đồng' });
    expect(await db.verifiedResults.count()).toBe(1);
    expect((await getSetting('enrollment', db))?.role).toBeUndefined(); // an officer's phone, as before
    await db.teamEntries.add({
      id: '0b8e4c1a-5f2d-4e3b-9a7c-1d2e3f4a5b6c',
      date: '2026-05-04',
      hamlet: 'Thôn Đông',
      kind: 'ky-nang-so',
      residents: 2,
      createdAt: 'x',
      updatedAt: 'x',
      syncState: 'queued',
      attempts: 0,
      nextAttemptAt: 'x',
    });
    expect(await db.teamEntries.where('syncState').equals('queued').count()).toBe(1);
    expect(await db.surveyResponses.count()).toBe(0);
    expect(await db.communityTallies.count()).toBe(0);
  });
});

describe('another tab opens a newer version', () => {
  it('closes this connection for good, tells the UI, and later writes fail as StorageWriteError', async () => {
    const db: XasoDb = track(openXasoDb(`xaso-stale-${crypto.randomUUID()}`));
    await db.assessments.add(v1Assessment);
    const alerts: DbAlert[] = [];
    const off = onDbBlockedOrStale((a) => alerts.push(a));
    try {
      // A newer build in another tab: same tables, one version up. It must not stay blocked.
      const newer = new Dexie(db.name);
      newer.version(LATEST_SCHEMA_VERSION + 1).stores(RELEASED[1] ?? {});
      await newer.open();
      expect(alerts).toEqual([{ kind: 'stale', dbName: db.name, newVersion: LATEST_SCHEMA_VERSION + 1 }]);
      expect(db.isOpen()).toBe(false);
      const err = await saveAnswer(v1Assessment.id, 'HTS1', { status: 1 }, { db }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageWriteError);
      expect((err as StorageWriteError).reason).toBe('closed');
      expect(await newer.table('assessments').count()).toBe(1);
      newer.close();
    } finally {
      off();
    }
  });

  it('tells the UI when our upgrade waits for an older tab', async () => {
    const name = `xaso-blocked-${crypto.randomUUID()}`;
    const alerts: DbAlert[] = [];
    const off = onDbBlockedOrStale((a) => alerts.push(a));
    // An old tab that ignores versionchange (as an old build might) holds the database open.
    const older = new Dexie(name);
    older.version(1).stores(RELEASED[1] ?? {});
    older.on('versionchange', () => false);
    await older.open();
    try {
      // Stand-in for the next release: XasoDb with one more version than the old tab has.
      const upgrading = track(openXasoDb(name));
      upgrading.version(LATEST_SCHEMA_VERSION + 1).stores(RELEASED[1] ?? {});
      const opened = upgrading.open();
      await new Promise((r) => setTimeout(r, 50));
      expect(alerts).toContainEqual({ kind: 'blocked', dbName: name });
      older.close();
      await opened;
      expect(upgrading.verno).toBe(LATEST_SCHEMA_VERSION + 1);
    } finally {
      off();
    }
  });
});

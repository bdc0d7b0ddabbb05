import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { getSetting, setSetting } from '../../src/db/settings';
import { enterPopulation, parsePopulation, pullPopulation, pushPopulation } from '../../src/sync/population';
import { phoneMeasuredInputs } from '../../src/ui/screens/Checklist/measured-view';
import { clock, enrollFor, freshDb, json, seedAssessment } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

const served = (population: number, setAt = '2026-03-01T09:00:00.000Z') =>
  json(200, { communeCode: '00004', population, setAt, setBy: 'commune' });

describe('parsePopulation', () => {
  it('takes a whole number, with Vietnamese thousands dots or spaces', () => {
    expect(parsePopulation(' 12.345 ')).toEqual({ ok: true, value: 12345 });
    expect(parsePopulation('8 500')).toEqual({ ok: true, value: 8500 });
  });
  it('refuses what is not a whole number of people, or out of bounds', () => {
    expect(parsePopulation('')).toEqual({ ok: false, reason: 'format' });
    expect(parsePopulation('12,5')).toEqual({ ok: false, reason: 'format' });
    expect(parsePopulation('-3')).toEqual({ ok: false, reason: 'format' });
    expect(parsePopulation('abc')).toEqual({ ok: false, reason: 'format' });
    expect(parsePopulation('0')).toEqual({ ok: false, reason: 'range' });
    expect(parsePopulation('5000001')).toEqual({ ok: false, reason: 'range' });
    expect(parsePopulation('5000000')).toEqual({ ok: true, value: 5_000_000 });
  });
});

describe('the population the officer enters', () => {
  it('is saved on the phone, shown by measured indicators, then sent with the device token', async () => {
    db = freshDb();
    await enrollFor(db);
    const a = await seedAssessment(db);
    await enterPopulation(12_000, db);
    expect((await phoneMeasuredInputs(a, db)).inputs.population).toBe(12_000);
    const calls: string[] = [];
    const fetch = async (input: string, init?: RequestInit) => {
      calls.push(`${init?.method} ${input.replace(/^.*\/api\/v1/, '')} ${String(init?.body)}`);
      return served(12_000);
    };
    expect(await pushPopulation({ db, fetch })).toBe(true);
    expect(calls).toEqual(['PUT /communes/00004/population {"population":12000}']);
    expect(await getSetting('communePopulationDraft', db)).toBeUndefined();
    expect(await getSetting('communePopulation', db)).toEqual({
      communeCode: '00004',
      population: 12_000,
      setAt: '2026-03-01T09:00:00.000Z',
    });
  });

  it('no answer: kept, retried with backoff (not before it is due unless forced)', async () => {
    db = freshDb();
    await enrollFor(db);
    await enterPopulation(9_000, db);
    const c = clock();
    let calls = 0;
    const offline = async () => {
      calls++;
      throw new TypeError('Failed to fetch');
    };
    expect(await pushPopulation({ db, fetch: offline, now: c.now, random: () => 1 })).toBe(false);
    const draft = await getSetting('communePopulationDraft', db);
    expect(draft?.attempts).toBe(1);
    expect(Date.parse(draft?.retryAt ?? '')).toBe(c.now() + 2_000);
    expect(await pushPopulation({ db, fetch: offline, now: c.now })).toBe(false);
    expect(calls).toBe(1); // not due yet
    c.advance(2_000);
    expect(await pushPopulation({ db, fetch: async () => served(9_000), now: c.now })).toBe(true);
    expect((await getSetting('communePopulation', db))?.population).toBe(9_000);
  });

  it('refused: kept with the server reason and not sent again until entered again', async () => {
    db = freshDb();
    await enrollFor(db);
    await enterPopulation(7_000, db);
    const refuse = async () =>
      json(403, { error: { code: 'forbidden', message: 'This device is enrolled for another commune' } });
    expect(await pushPopulation({ db, fetch: refuse })).toBe(false);
    expect((await getSetting('communePopulationDraft', db))?.error).toBe(
      '[forbidden] This device is enrolled for another commune',
    );
    const fail = async (): Promise<Response> => {
      throw new Error('must not be called');
    };
    expect(await pushPopulation({ db, fetch: fail, force: true })).toBe(false);
    await enterPopulation(7_100, db);
    expect(await getSetting('communePopulationDraft', db)).toMatchObject({ population: 7_100, attempts: 0 });
    expect((await getSetting('communePopulationDraft', db))?.error).toBeUndefined();
  });

  it('a figure typed while the previous one was on the air is not lost', async () => {
    db = freshDb();
    await enrollFor(db);
    await enterPopulation(5_000, db, new Date('2026-03-01T08:00:00Z'));
    const fetch = async () => {
      await enterPopulation(5_500, db, new Date('2026-03-01T08:01:00Z'));
      return served(5_000);
    };
    await pushPopulation({ db, fetch });
    expect((await getSetting('communePopulationDraft', db))?.population).toBe(5_500);
  });

  it('a pull never overwrites an unsent figure; once sent, a reviewer correction comes down', async () => {
    db = freshDb();
    await enrollFor(db);
    await setSetting('communePopulation', { communeCode: '00004', population: 1_000, setAt: '2026-01-01T00:00:00.000Z' }, db);
    await enterPopulation(12_000, db);
    const fail = async (): Promise<Response> => {
      throw new Error('must not be called');
    };
    expect(await pullPopulation({ db, fetch: fail })).toBe(false);
    const a = await seedAssessment(db);
    expect((await phoneMeasuredInputs(a, db)).inputs.population).toBe(12_000);
    await pushPopulation({ db, fetch: async () => served(12_000) });
    expect(await pullPopulation({ db, fetch: async () => served(12_500, '2026-03-02T00:00:00.000Z') })).toBe(true);
    expect((await phoneMeasuredInputs(a, db)).inputs.population).toBe(12_500);
  });

  it('an unenrolled or team phone cannot enter it', async () => {
    db = freshDb();
    await expect(enterPopulation(100, db)).rejects.toThrow();
    expect(await getSetting('communePopulationDraft', db)).toBeUndefined();
  });

  it('a draft row written by a broken build reads as unset', async () => {
    db = freshDb();
    await db.settings.put({ key: 'communePopulationDraft', value: { communeCode: '00004', population: 0 } });
    expect(await getSetting('communePopulationDraft', db)).toBeUndefined();
    await expect(
      setSetting('communePopulationDraft', { communeCode: '00004', population: 1.5, enteredAt: 'x', attempts: 0 }, db),
    ).rejects.toThrow();
  });
});

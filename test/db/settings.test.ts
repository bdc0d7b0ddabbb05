import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { XasoDb } from '../../src/db/database';
import { InvalidInputError } from '../../src/db/errors';
import { requestPersistence, storageEstimate } from '../../src/db/persistence';
import type { StorageApi } from '../../src/db/persistence';
import { ensureDeviceId, getSetting, setSetting } from '../../src/db/settings';
import { freshDb } from './helpers';

let db: XasoDb;
afterEach(async () => {
  await db?.delete();
});

describe('settings', () => {
  it('stores and reads typed values; unset reads as undefined', async () => {
    db = freshDb();
    expect(await getSetting('lang', db)).toBeUndefined();
    await setSetting('lang', 'en', db);
    await setSetting('offlineReadyShown', true, db);
    expect(await getSetting('lang', db)).toBe('en');
    expect(await getSetting('offlineReadyShown', db)).toBe(true);
  });

  it('refuses invalid values and reads a corrupted row as unset', async () => {
    db = freshDb();
    await expect(setSetting('lang', 'fr' as never, db)).rejects.toBeInstanceOf(InvalidInputError);
    await db.settings.put({ key: 'persist', value: 'maybe' });
    expect(await getSetting('persist', db)).toBeUndefined();
  });

  it('creates the device id once', async () => {
    db = freshDb();
    const [a, b] = await Promise.all([ensureDeviceId(db), ensureDeviceId(db)]);
    expect(a).toBe(b);
    expect(await ensureDeviceId(db)).toBe(a);
    expect(await getSetting('deviceId', db)).toBe(a);
  });
});

describe('persistent storage', () => {
  const api = (persisted: boolean, grant: boolean): StorageApi & { asked: number } => {
    const s = {
      asked: 0,
      persisted: () => Promise.resolve(persisted),
      persist: () => {
        s.asked++;
        return Promise.resolve(grant);
      },
      estimate: () => Promise.resolve({ usage: 1200, quota: 5_000_000 }),
    };
    return s;
  };

  it('does not ask again when already persistent, and remembers the outcome', async () => {
    db = freshDb();
    const storage = api(true, false);
    expect(await requestPersistence(db, storage)).toBe('granted');
    expect(storage.asked).toBe(0);
    expect(await getSetting('persist', db)).toBe('granted');
  });

  it('asks, and records a refusal or a missing API', async () => {
    db = freshDb();
    const storage = api(false, false);
    expect(await requestPersistence(db, storage)).toBe('denied');
    expect(storage.asked).toBe(1);
    expect(await requestPersistence(db, {})).toBe('unsupported');
    expect(await getSetting('persist', db)).toBe('unsupported');
    const throwing: StorageApi = { persist: () => Promise.reject(new Error('no')) };
    expect(await requestPersistence(db, throwing)).toBe('denied');
  });

  it('reports usage and quota, or null', async () => {
    expect(await storageEstimate(api(true, true))).toEqual({ usage: 1200, quota: 5_000_000 });
    expect(await storageEstimate({})).toBeNull();
    expect(await storageEstimate(undefined)).toBeNull();
  });
});

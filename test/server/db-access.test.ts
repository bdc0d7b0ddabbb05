/**
 * The database plumbing of the submission path: prepared queries (src/server/db/prepared.ts) on
 * both dialects, and the SQLite dialect's one connection handed out first come, first served
 * (src/server/db/sqlite-dialect.ts).
 */
import { describe, expect, it } from 'vitest';
import { migrateToLatest } from '../../src/server/db/migrate';
import { prepared } from '../../src/server/db/prepared';
import { DB_KINDS, openTestDatabase, usePostgresWhen } from './harness';

const insertUser = prepared((db, v: { id: string; username: string; at: string }) =>
  db.insertInto('users').values({
    id: v.id,
    username: v.username,
    password_hash: 'x',
    role: 'reviewer',
    province_code: '04',
    created_at: v.at,
    updated_at: v.at,
  }),
);
const usersOfProvince = prepared((db, v: { province: string; after: string }) =>
  db
    .selectFrom('users')
    .select(['id', 'username', 'role'])
    .where('province_code', '=', v.province)
    .where('username', '>', v.after)
    .orderBy('username'),
);

describe.each(DB_KINDS)('database access (%s)', (kind) => {
  usePostgresWhen(kind);

  it('runs a prepared query with new values each time, constants kept, on the database and in transactions', async () => {
    const database = await openTestDatabase(kind);
    try {
      await migrateToLatest(database.db);
      await insertUser(database.db, { id: 'u1', username: 'anh', at: '2026-03-01T00:00:00.000Z' });
      await database.db.transaction().execute(async (trx) => {
        await insertUser(trx, { id: 'u2', username: 'binh', at: '2026-03-01T00:00:00.000Z' });
        await insertUser(trx, { id: 'u3', username: 'chi', at: '2026-03-01T00:00:00.000Z' });
      });
      const rows = await database.db.selectFrom('users').select(['id', 'role', 'province_code']).orderBy('id').execute();
      expect(rows).toEqual(['u1', 'u2', 'u3'].map((id) => ({ id, role: 'reviewer', province_code: '04' })));
      expect((await usersOfProvince(database.db, { province: '04', after: 'anh' })).map((u) => u.username)).toEqual([
        'binh',
        'chi',
      ]);
      expect(await usersOfProvince(database.db, { province: '01', after: '' })).toEqual([]);
      // A missing value is an error, never a silent NULL.
      await expect(usersOfProvince(database.db, { province: '04' } as never)).rejects.toThrow(/no value for "after"/);
    } finally {
      await database.close();
    }
  });
});

describe('SQLite connection', () => {
  it('serves waiting queries and transactions in the order they asked, and keeps each transaction whole', async () => {
    const database = await openTestDatabase('sqlite');
    try {
      await migrateToLatest(database.db);
      const order: string[] = [];
      const work = Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? database.db.transaction().execute(async (trx) => {
              order.push(`t${i}:begin`);
              await insertUser(trx, { id: `t${i}`, username: `user-${i}`, at: '2026-03-01T00:00:00.000Z' });
              await trx.selectFrom('users').select('id').execute();
              order.push(`t${i}:end`);
            })
          : database.db
              .selectFrom('users')
              .select('id')
              .execute()
              .then(() => void order.push(`q${i}`)),
      );
      await Promise.all(work);
      const expected = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? [`t${i}:begin`, `t${i}:end`] : [`q${i}`])).flat();
      expect(order).toEqual(expected);
      expect(
        await database.db
          .selectFrom('users')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirst(),
      ).toEqual({ n: 10 });
    } finally {
      await database.close();
    }
  });
});

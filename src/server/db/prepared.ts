/**
 * Queries on the submission path, built and compiled by Kysely once per dialect and then run with
 * new values. Building and compiling a Kysely query costs more CPU than running it on SQLite; a
 * submission runs about ten of them. The query is written with Kysely as any other (so it stays
 * valid on SQLite and PostgreSQL and type-checked against the schema); its values come from the
 * placeholder object, whose every property is a marker that compilation turns into a parameter.
 * Values written in the query itself (a literal 'submitted') stay as they were compiled.
 *
 *   const findDevice = prepared((db, v: { tokenHash: string }) =>
 *     db.selectFrom('devices').selectAll().where('token_hash', '=', v.tokenHash));
 *   const rows = await findDevice(db, { tokenHash });
 *
 * A value must be passed for every property the builder reads, including null for a NULL (a
 * builder that branches on a value, e.g. skips undefined columns, cannot be prepared). An insert
 * of the whole placeholder object (`.values(v)`) needs its keys listed, since Kysely reads the
 * columns from the object: pass `{ id: true, … }`, which the compiler checks is complete.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';

// Never a real value: the API refuses U+0000 in any text.
const MARK = '\u0000xaso:';

type Slot = { name: string } | { constant: unknown };

interface Template {
  query: CompiledQuery;
  slots: Slot[];
}

export type KeyList<V> = { [K in keyof V]-?: true };

/**
 * The SQL text of every prepared query, with a name: on PostgreSQL each connection parses and
 * plans it once, as a named statement, then only binds and runs it (see namePreparedStatements in
 * ./connect.ts). A fixed set, one per query written with prepared().
 */
export const hotStatementNames = new Map<string, string>();

function compileTemplate<V>(
  db: Kysely<Database>,
  build: (db: Kysely<Database>, v: V) => Compilable<unknown>,
  keys?: KeyList<V>,
): Template {
  const placeholders = (
    keys
      ? Object.fromEntries(Object.keys(keys).map((k) => [k, `${MARK}${k}`]))
      : new Proxy({}, { get: (_target, name) => `${MARK}${String(name)}` })
  ) as V;
  const query = build(db, placeholders).compile();
  hotStatementNames.set(query.sql, hotStatementNames.get(query.sql) ?? `xaso_hot_${hotStatementNames.size + 1}`);
  const slots = query.parameters.map((p): Slot =>
    typeof p === 'string' && p.startsWith(MARK) ? { name: p.slice(MARK.length) } : { constant: p },
  );
  return { query, slots };
}

export function prepared<V extends object, R>(
  build: (db: Kysely<Database>, v: V) => Compilable<R>,
  keys?: KeyList<V>,
): (db: Kysely<Database>, values: V) => Promise<R[]> {
  // Keyed by the dialect's adapter, which a database and its transactions share.
  const templates = new WeakMap<object, Template>();
  return async (db, values) => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      template = compileTemplate(db, build, keys);
      templates.set(adapter, template);
    }
    const record = values as Record<string, unknown>;
    const parameters = template.slots.map((slot) => {
      if (!('name' in slot)) return slot.constant;
      const value = record[slot.name];
      if (value === undefined) throw new Error(`prepared query: no value for "${slot.name}"`);
      return value;
    });
    const result = await db.executeQuery<R>({ ...template.query, parameters });
    return result.rows;
  };
}

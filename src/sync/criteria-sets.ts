/**
 * Brings the province's published criteria sets down (issue #12): an enrolled phone asks
 * GET /criteria-sets?provinceCode=<its province> and fetches, with GET /criteria-sets/{id}, each
 * published version it does not hold yet (published versions never change, so a held one is never
 * fetched again). A set is kept only once it is intact (its SHA-256 is the list's), passed the
 * same checks the server ran (parseCriteriaSet, links against this build's catalogue) and is the
 * very set the list announced (id, version, province); anything else is refused and not stored,
 * and the other sets still come down. Never blocks anything: the triggers run it after the outbox, and a failed
 * pull is retried later with the outbox's backoff (triggers.ts).
 *
 * Loaded with import() by the triggers: it carries zod, which the first screen must not.
 */
import { getDownloadedSet, storeDownloadedSet } from '../db/criteria-sets';
import { getDb, type XasoDb } from '../db/database';
import { loadCatalogue } from '../data/load';
import { parseCriteriaSet } from '../domain/criteria/validate';
import type { CriteriaSet } from '../domain/criteria/schema';
import type { Catalogue } from '../domain/types';
import { getEnrollment } from './enrollment';
import { apiRequest, type FetchLike } from './http';

export interface CriteriaPullOptions {
  db?: XasoDb;
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
  /** Injected by tests; default the catalogue chunk (precached). */
  loadCatalogue?: () => Promise<Catalogue>;
}

export interface CriteriaPullReport {
  /** False when the list could not be fetched (offline, 5xx): worth trying again with backoff. */
  reached: boolean;
  /** "id@version" of every set stored by this pull. */
  stored: string[];
  /** Sets refused (not stored), with why; the server is not asked for them again until the next pull. */
  refused: { key: string; reason: string }[];
  /** Sets that could not be fetched for want of a connection: the pull is retried later. */
  retrying: number;
}

/** What the list says of one published set (CriteriaSetMeta, the fields the phone uses). */
interface Meta {
  id: string;
  setId: string;
  version: string;
  provinceCode: string;
  status: string;
  sha256: string;
  publishedAt: string;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const STRING_FIELDS = ['id', 'setId', 'version', 'provinceCode', 'status', 'sha256'] as const;

function readMeta(x: unknown): Meta | undefined {
  if (!isRecord(x) || !STRING_FIELDS.every((k) => typeof x[k] === 'string' && x[k] !== '')) return undefined;
  const m = x as unknown as Meta;
  return {
    id: m.id,
    setId: m.setId,
    version: m.version,
    provinceCode: m.provinceCode,
    status: m.status,
    sha256: m.sha256,
    publishedAt: typeof m.publishedAt === 'string' ? m.publishedAt : '',
  };
}

/**
 * SHA-256 (hex) of the text, as the server hashes a set's canonical JSON (the `set` it serves,
 * JSON.stringify'd: parsing and writing it again gives the same text). Undefined where the browser
 * offers no SubtleCrypto (a page not served over HTTPS or localhost): the set's own checks remain.
 */
async function sha256Hex(text: string): Promise<string | undefined> {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (!subtle) return undefined;
  const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The downloaded set when it is intact, valid and the very set the list announced; else why not. */
async function checkDownloaded(
  meta: Meta,
  body: unknown,
  catalogue: Catalogue,
): Promise<{ ok: true; set: CriteriaSet } | { ok: false; reason: string }> {
  const raw = isRecord(body) ? body.set : undefined;
  const hash = raw === undefined ? undefined : await sha256Hex(JSON.stringify(raw));
  if (hash !== undefined && hash !== meta.sha256.toLowerCase()) return { ok: false, reason: 'sha256 does not match the list' };
  try {
    const set = parseCriteriaSet(raw, catalogue);
    if (set.id !== meta.setId || set.version !== meta.version)
      return { ok: false, reason: `the set is ${set.id}@${set.version}, not the one listed` };
    return { ok: true, set };
  } catch (err) {
    // A ZodError lists every problem with its path; the first few are enough for the log.
    const issues = isRecord(err) && Array.isArray(err.issues) ? (err.issues as { path?: unknown[]; message?: string }[]) : [];
    const named = issues.slice(0, 3).map((i) => `${(i.path ?? []).join('.')}: ${i.message ?? ''}`);
    return { ok: false, reason: named.length > 0 ? `invalid set (${named.join('; ')})` : 'invalid set' };
  }
}

async function pullOnce(db: XasoDb, opts: CriteriaPullOptions): Promise<CriteriaPullReport> {
  const report: CriteriaPullReport = { reached: false, stored: [], refused: [], retrying: 0 };
  const enrollment = await getEnrollment(db);
  if (!enrollment) return { ...report, reached: true }; // nothing to ask for: not a failure
  const request = (path: string) =>
    apiRequest({ method: 'GET', path, token: enrollment.deviceToken, fetch: opts.fetch, timeoutMs: opts.timeoutMs });
  const list = await request(`/criteria-sets?provinceCode=${encodeURIComponent(enrollment.provinceCode)}`);
  if (list.kind === 'retry') return report;
  report.reached = true;
  if (list.kind !== 'ok') return report; // 401/403/404: not this phone's to know; the next pull asks again
  const metas = (isRecord(list.body) && Array.isArray(list.body.sets) ? list.body.sets : [])
    .map(readMeta)
    .filter((m): m is Meta => m !== undefined && m.status === 'published' && m.provinceCode === enrollment.provinceCode);
  let catalogue: Catalogue | undefined;
  for (const meta of metas) {
    const key = `${meta.setId}@${meta.version}`;
    if (await getDownloadedSet({ id: meta.setId, version: meta.version }, db)) continue;
    const got = await request(`/criteria-sets/${encodeURIComponent(meta.id)}`);
    if (got.kind === 'retry') {
      report.retrying++;
      continue;
    }
    if (got.kind !== 'ok') {
      report.refused.push({ key, reason: `${got.status} ${got.code}` });
      continue;
    }
    catalogue ??= await (opts.loadCatalogue ?? loadCatalogue)();
    const checked = await checkDownloaded(meta, got.body, catalogue);
    if (!checked.ok) {
      report.refused.push({ key, reason: checked.reason });
      continue;
    }
    const row = {
      key,
      provinceCode: meta.provinceCode,
      serverId: meta.id,
      sha256: meta.sha256,
      publishedAt: meta.publishedAt,
      downloadedAt: new Date((opts.now ?? Date.now)()).toISOString(),
      set: checked.set,
    };
    if (await storeDownloadedSet(row, db)) report.stored.push(key);
  }
  return report;
}

const running = new WeakMap<XasoDb, Promise<CriteriaPullReport>>();

/** Fetches the province's published sets this phone lacks; concurrent calls share one run. */
export function pullCriteriaSets(opts: CriteriaPullOptions = {}): Promise<CriteriaPullReport> {
  const db = opts.db ?? getDb();
  const current = running.get(db);
  if (current) return current;
  const run = pullOnce(db, opts).finally(() => running.delete(db));
  running.set(db, run);
  return run;
}

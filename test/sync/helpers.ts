/**
 * Shared pieces of the sync tests: a fresh fake-IndexedDB database, the shipped catalogue and
 * methodology, a complete assessment, an enrollment, and a fake server that follows the API's
 * idempotency rules (same revision + same content = replay; other content or a stale base = 409)
 * and can be told to be down, unreachable, slow or to refuse.
 */
import { gunzipSync } from 'node:zlib';
import methodologyJson from '../../data/methodology/provisional-2026.1.json';
import catalogueJson from '../../data/catalogue/2026.1/catalogue.json';
import { createAssessment } from '../../src/db/assessments';
import { openXasoDb, type XasoDb } from '../../src/db/database';
import { setSetting } from '../../src/db/settings';
import { applicableComponents, isRequired } from '../../src/domain/catalogue';
import { parseMethodology } from '../../src/domain/methodology-schema';
import type { Submission } from '../../src/domain/submission';
import { submissionContentHash } from '../support/submission-hash';
import type { Answer, Assessment, Catalogue } from '../../src/domain/types';
import type { Reference } from '../../src/sync/reference';

export const ref: Reference = { catalogue: catalogueJson as Catalogue, methodology: parseMethodology(methodologyJson) };
export const loadRef = async (): Promise<Reference> => ref;

export function freshDb(): XasoDb {
  return openXasoDb(`xaso-sync-test-${crypto.randomUUID()}`);
}

export const COMMUNE = '00004';

export async function enrollFor(db: XasoDb, communeCode = COMMUNE): Promise<void> {
  await setSetting(
    'enrollment',
    {
      deviceToken: 'tok-1',
      deviceId: 'dev-1',
      communeCode,
      provinceCode: '01',
      communeName: 'Phường Ba Đình',
      enrolledAt: '2026-01-01T00:00:00.000Z',
    },
    db,
  );
}

/** A community team phone's enrollment (issue #15); `role` 'officer' for the same device as an officer's phone. */
export async function enrollTeam(db: XasoDb, communeCode = COMMUNE, role: 'team' | 'officer' = 'team'): Promise<void> {
  await setSetting(
    'enrollment',
    {
      deviceToken: 'team-tok',
      deviceId: 'dev-t',
      communeCode,
      provinceCode: '01',
      communeName: 'Phường Ba Đình',
      enrolledAt: '2026-01-01T00:00:00.000Z',
      role,
    },
    db,
  );
}

/** A draft with every required component answered (status 3), unless `complete` is false. */
export async function seedAssessment(db: XasoDb, opts: { complete?: boolean; communeCode?: string } = {}): Promise<Assessment> {
  const a = await createAssessment(
    {
      provinceCode: '01',
      communeCode: opts.communeCode ?? COMMUNE,
      areaTypes: ['urban'],
      period: '2026',
      catalogueVersion: '2026.1',
      methodologyId: ref.methodology.id,
    },
    db,
  );
  const required = applicableComponents(ref.catalogue, a.areaTypes).filter(isRequired);
  const codes = opts.complete === false ? required.slice(1) : required;
  const rows = codes.map((c) => ({
    assessmentId: a.id,
    code: c.code,
    status: 3 as const,
    updatedAt: '2026-02-01T00:00:00.000Z',
  }));
  await db.answers.bulkPut(rows);
  return a;
}

export interface Call {
  method: string;
  path: string;
  token?: string;
  body?: Submission;
}

type Mode = 'up' | 'down' | 'offline';

/** The server side, in memory. `fetch` is what the sync code is given. */
export class FakeServer {
  calls: Call[] = [];
  mode: Mode = 'up';
  /** Refuse PUTs of these assessments with 422. */
  refuse = new Set<string>();
  /** Delay before answering, to hold requests in flight. */
  gate?: Promise<void>;
  revisions = new Map<string, Map<number, { hash: string; body: Submission }>>();
  reviews = new Map<
    string,
    { verdict: 'accepted' | 'returned'; revision: number; comment: string; componentComments: Record<string, string> }
  >();

  puts(): Call[] {
    return this.calls.filter((c) => c.method === 'PUT');
  }

  latest(id: string): number {
    return Math.max(0, ...(this.revisions.get(id)?.keys() ?? []));
  }

  review(id: string, verdict: 'accepted' | 'returned', comment = '', componentComments: Record<string, string> = {}): void {
    this.reviews.set(id, { verdict, revision: this.latest(id), comment, componentComments });
  }

  private view(id: string, revision: number): unknown {
    const review = this.reviews.get(id);
    const ours = review && review.revision === revision ? review : undefined;
    return {
      assessmentId: id,
      revision,
      latestRevision: this.latest(id),
      reviewState: ours ? ours.verdict : 'submitted',
      review: ours ? { ...ours, reviewedAt: '2026-03-01T00:00:00.000Z' } : null,
    };
  }

  fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const path = input.replace(/^.*\/api\/v1/, '');
    const auth = new Headers(init?.headers).get('authorization') ?? undefined;
    // Submissions arrive gzipped (src/sync/gzip-body.ts), as the real server accepts them.
    const raw = init?.body instanceof Uint8Array ? gunzipSync(init.body).toString('utf8') : init?.body;
    const body = typeof raw === 'string' ? (JSON.parse(raw) as Submission) : undefined;
    this.calls.push({ method, path, token: auth?.replace(/^Bearer /, ''), body });
    if (this.gate) await this.gate;
    if (this.mode === 'offline') throw new TypeError('Failed to fetch');
    if (this.mode === 'down') return json(503, { error: { code: 'internal', message: 'Service unavailable' } });
    const id = decodeURIComponent(path.replace(/^\/assessments\//, ''));
    if (method === 'GET')
      return this.revisions.has(id)
        ? json(200, this.view(id, this.latest(id)))
        : json(404, { error: { code: 'not_found', message: 'Not found' } });
    if (!body) return json(400, { error: { code: 'invalid_body', message: 'no body' } });
    if (this.refuse.has(id)) {
      return json(422, {
        error: {
          code: 'invalid_submission',
          message: 'The submission is not valid',
          problems: [{ code: 'HTS3', problem: 'required-unanswered' }],
        },
      });
    }
    const hash = submissionContentHash(body);
    const revs = this.revisions.get(id) ?? new Map<number, { hash: string; body: Submission }>();
    const same = revs.get(body.revision);
    if (same) {
      if (same.hash !== hash)
        return json(409, {
          error: {
            code: 'revision_conflict',
            message: `Revision ${body.revision} already exists with different content`,
            currentRevision: this.latest(id),
          },
        });
      return json(200, this.view(id, body.revision));
    }
    if ((body.baseRevision ?? 0) !== this.latest(id)) {
      return json(409, {
        error: {
          code: 'stale_base_revision',
          message: `The server's latest revision is ${this.latest(id)}`,
          currentRevision: this.latest(id),
        },
      });
    }
    revs.set(body.revision, { hash, body });
    this.revisions.set(id, revs);
    return json(200, this.view(id, body.revision));
  };
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

export async function answersOf(db: XasoDb, id: string): Promise<Answer[]> {
  const rows = await db.answers.where('assessmentId').equals(id).toArray();
  return rows.map(({ assessmentId: _, ...a }) => a).sort((x, y) => (x.code < y.code ? -1 : 1));
}

/** A clock the test moves by hand. */
export function clock(start = Date.parse('2026-03-01T08:00:00.000Z')): { now: () => number; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

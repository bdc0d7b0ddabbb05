/**
 * The load of the ingest benchmark: autocannon, N connections, each request a full
 * mountain-commune submission (PUT /api/v1/assessments/{id}) from an enrolled device.
 * A pool of "lanes" (one assessment each, owned by one device) keeps the revisions of every
 * assessment in order: a connection takes a free lane, sends either its next revision (new
 * content, baseRevision = the last one stored) or a replay of the last stored revision (same
 * body, byte for byte), and gives the lane back when the answer arrives.
 * One autocannon run covers the warm-up and the measured window, on the same connections: only
 * requests sent after the warm-up are counted and timed (send → answer). A fresh set of 50
 * connections is accepted by Node one per event-loop turn, so under load the last ones wait
 * seconds for their first answer; a warm-up on other connections left that ramp inside the
 * measured window (it was most of the p99 of a 5-second run). autocannon's own p99 over the
 * whole run, ramp included, is still reported (wholeRunP99).
 */
import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';
import type { Answer } from '../../src/domain/types';
import type { Device } from './api';
import { fullAnswers, fullSubmission, reference } from './fixture';
import { percentile, seededRandom } from './stats';

export interface LoadResult {
  seconds: number;
  /** 2xx answers: stored or replayed submissions. */
  ok: number;
  replayed: number;
  sentNew: number;
  sentReplays: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  /** autocannon's p99 over warm-up and measured window together, connection ramp included. */
  wholeRunP99: number;
}

interface Lane {
  device: Device;
  id: string;
  revision: number;
  answers: Answer[];
  lastBody: string | undefined;
  /** What is in flight. */
  pending?: { kind: 'new' | 'replay'; revision: number; body: string };
}

const REPLAY_SHARE = 0.3;
const REVISIONS_PER_ASSESSMENT = 4;

export interface LoadOptions {
  url: string;
  devices: Device[];
  connections: number;
  warmupSeconds: number;
  seconds: number;
  signal: AbortSignal;
  /** Called when the measured window starts (to read CPU counters). */
  onMeasureStart?: () => void;
}

type Context = { lane?: Lane; sentAt?: number };

export async function runLoad(opts: LoadOptions): Promise<LoadResult> {
  const ref = reference();
  const random = seededRandom(7);
  const baseAnswers = Array.from({ length: 16 }, (_, i) => fullAnswers(ref, { seed: 100 + i }));
  const free: Lane[] = [];
  let laneCount = 0;
  const newLane = (): Lane => {
    const device = opts.devices[laneCount % opts.devices.length] as Device;
    const answers = (baseAnswers[laneCount % baseAnswers.length] as Answer[]).map((a) => ({ ...a }));
    laneCount++;
    return { device, id: randomUUID(), revision: 0, answers, lastBody: undefined };
  };
  for (let i = 0; i < opts.connections * 2; i++) free.push(newLane());

  const counts = { sentNew: 0, sentReplays: 0, replayed: 0, ok: 0, non2xx: 0 };
  const statuses: Record<string, number> = {};
  const latencies: number[] = [];
  let measuredFrom: number | undefined;

  const nextBody = (lane: Lane): { kind: 'new' | 'replay'; revision: number; body: string } => {
    if (lane.lastBody !== undefined && random() < REPLAY_SHARE)
      return { kind: 'replay', revision: lane.revision, body: lane.lastBody };
    if (lane.revision >= REVISIONS_PER_ASSESSMENT) {
      lane.id = randomUUID();
      lane.revision = 0;
      lane.lastBody = undefined;
    }
    // An officer changed a few answers since the last revision.
    for (let k = 0; k < 3; k++) {
      const a = lane.answers[Math.floor(random() * lane.answers.length)] as Answer;
      if (typeof a.status === 'number') {
        a.status = ((a.status + 1) % 4) as 0 | 1 | 2 | 3;
        a.updatedAt = new Date(Date.parse(a.updatedAt) + 3_600_000).toISOString();
      }
    }
    const revision = lane.revision + 1;
    const submission = fullSubmission(ref, revision, lane.answers, {
      communeCode: lane.device.communeCode,
      provinceCode: lane.device.provinceCode,
    });
    return { kind: 'new', revision, body: JSON.stringify(submission) };
  };

  const instance = autocannon({
    url: opts.url,
    connections: opts.connections,
    pipelining: 1,
    duration: opts.warmupSeconds + opts.seconds,
    timeout: 10,
    requests: [
      {
        setupRequest: (req, context: Context) => {
          const lane = free.shift() ?? newLane();
          context.lane = lane;
          lane.pending = nextBody(lane);
          context.sentAt = measuredFrom === undefined ? undefined : performance.now();
          if (context.sentAt !== undefined) {
            if (lane.pending.kind === 'new') counts.sentNew++;
            else counts.sentReplays++;
          }
          return {
            ...req,
            method: 'PUT',
            path: `/api/v1/assessments/${lane.id}`,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${lane.device.token}` },
            body: lane.pending.body,
          };
        },
        onResponse: (status: number, _body: string, context: Context, headers?: Record<string, string | string[]>) => {
          const measured = context.sentAt !== undefined;
          if (context.sentAt !== undefined) {
            latencies.push(performance.now() - context.sentAt);
            statuses[status] = (statuses[status] ?? 0) + 1;
            if (status >= 200 && status < 300) counts.ok++;
            else counts.non2xx++;
          }
          const lane = context.lane;
          if (!lane) return;
          context.lane = undefined;
          const sent = lane.pending;
          lane.pending = undefined;
          if (status === 200 && sent) {
            if (measured && headers?.['idempotent-replayed'] === 'true') counts.replayed++;
            lane.revision = sent.revision;
            lane.lastBody = sent.body;
          } else {
            // Something unexpected (a conflict, an error): start this lane on a new assessment.
            lane.id = randomUUID();
            lane.revision = 0;
            lane.lastBody = undefined;
          }
          free.push(lane);
        },
      },
    ],
  });
  const warmup = setTimeout(() => {
    measuredFrom = performance.now();
    opts.onMeasureStart?.();
  }, opts.warmupSeconds * 1000);
  const stop = () => instance.stop();
  opts.signal.addEventListener('abort', stop, { once: true });
  const result = await instance;
  const end = performance.now();
  clearTimeout(warmup);
  opts.signal.removeEventListener('abort', stop);
  if (measuredFrom === undefined) throw new Error('the load ended before its warm-up did');
  return {
    seconds: (end - measuredFrom) / 1000,
    ok: counts.ok,
    replayed: counts.replayed,
    sentNew: counts.sentNew,
    sentReplays: counts.sentReplays,
    non2xx: counts.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.length === 0 ? Number.NaN : Math.max(...latencies),
    wholeRunP99: result.latency.p99,
  };
}

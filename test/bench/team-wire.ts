/**
 * One day's upload from a community team phone (issue #15), on the wire as the phone sends it: 30
 * support entries (a third with a short Vietnamese note) and 20 survey responses (every question
 * answered) saved through the phone's own store code (saveSupportEntry, saveSurveyResponse) into a
 * fake IndexedDB, then sent by the team outbox itself (flushTeamOutbox: its batching, its gzip)
 * through an injected fetch that captures each request. The figure is the request bodies as sent;
 * each body, inflated, is checked with the shared schemas the server applies.
 */
import { gunzipSync } from 'node:zlib';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import surveyJson from '../../data/community/survey-default-2026.1.json';
import { kb, type Part } from './report';

const FIGURE = "one day's upload from a team phone (30 support entries + 20 survey responses, request bodies)";
const BUDGET = '≤ 4 KB per day';
const HAMLETS = ['Thôn Nà Pồng', 'Thôn Bản Chang', 'Tổ dân phố 3', 'Thôn Khuổi Lừa'];
const NOTES = ['Hướng dẫn cài ứng dụng VNeID cho người cao tuổi', 'Nộp hồ sơ khai sinh trực tuyến', 'Mở tài khoản ngân hàng'];

interface Captured {
  path: string;
  bytes: number;
  headers: Record<string, string>;
  json: string;
}

async function bodyBytes(body: BodyInit | null | undefined): Promise<Uint8Array> {
  if (typeof body === 'string') return new TextEncoder().encode(body);
  return new Uint8Array(await new Response(body ?? null).arrayBuffer());
}

export async function captureTeamDay(): Promise<{
  requests: Captured[];
  entries: number;
  responses: number;
  problems: string[];
}> {
  // Node has no IndexedDB: fake-indexeddb's, handed to Dexie explicitly (another part may have
  // loaded Dexie already; Dexie binds to the global indexedDB when its module is evaluated).
  const fake = await import('fake-indexeddb');
  const { default: Dexie } = await import('dexie');
  Dexie.dependencies.indexedDB = fake.indexedDB;
  Dexie.dependencies.IDBKeyRange = fake.IDBKeyRange;
  const { openXasoDb } = await import('../../src/db/database');
  const { setSetting } = await import('../../src/db/settings');
  const { saveSupportEntry } = await import('../../src/db/team-log');
  const { saveSurveyResponse } = await import('../../src/db/survey-responses');
  const { SurveySchema, SurveyResponseSchema, supportEntrySchema } = await import('../../src/domain/community/schemas');
  const { flushTeamOutbox } = await import('../../src/sync/team-outbox');

  const kinds = kindsJson.kinds.map((k) => k.id);
  const survey = SurveySchema.parse(surveyJson);
  const db = openXasoDb(`xaso-bench-team-${crypto.randomUUID()}`);
  try {
    await setSetting(
      'enrollment',
      {
        deviceToken: 'team-token',
        deviceId: 'team-device',
        communeCode: '00004',
        provinceCode: '01',
        communeName: 'Phường Ba Đình',
        enrolledAt: '2026-01-01T00:00:00.000Z',
        role: 'team',
      },
      db,
    );
    const day = Date.parse('2026-05-04T01:00:00Z');
    for (let i = 0; i < 30; i++) {
      const note = i % 3 === 0 ? { note: NOTES[i % NOTES.length]! } : {};
      const entry = {
        date: '2026-05-04',
        hamlet: HAMLETS[i % HAMLETS.length]!,
        kind: kinds[i % kinds.length]!,
        residents: 1 + (i % 7),
      };
      await saveSupportEntry(db, { ...entry, ...note }, kinds, () => day + i * 600_000);
    }
    for (let i = 0; i < 20; i++) {
      const answers = {
        'hai-long-dvc': 1 + (i % 5),
        'hai-long-chung': 1 + ((i * 3) % 5),
        'lan-dau-dvc': i % 2 === 0,
        'tu-lam-lan-sau': i % 3 !== 0,
      };
      await saveSurveyResponse(db, survey, answers, () => day + i * 900_000);
    }

    const requests: Captured[] = [];
    const fetch = async (url: string, init?: RequestInit): Promise<Response> => {
      const bytes = await bodyBytes(init?.body);
      const headers = Object.fromEntries(new Headers(init?.headers).entries());
      const json = headers['content-encoding'] === 'gzip' ? gunzipSync(bytes).toString('utf8') : new TextDecoder().decode(bytes);
      requests.push({ path: url.replace(/^.*\/api\/v1/, ''), bytes: bytes.length, headers, json });
      const items = Object.values(JSON.parse(json) as Record<string, { id: string }[]>)[0] ?? [];
      return new Response(JSON.stringify({ accepted: items.map((x) => x.id), duplicates: [] }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    };
    await flushTeamOutbox({ db, fetch, force: true });

    const problems: string[] = [];
    const entrySchema = supportEntrySchema(kinds);
    let entries = 0;
    let responses = 0;
    for (const r of requests) {
      const body = JSON.parse(r.json) as { entries?: unknown[]; responses?: unknown[] };
      for (const e of body.entries ?? [])
        if (entrySchema.safeParse(e).success) entries++;
        else problems.push(`entry refused by the schema: ${JSON.stringify(e).slice(0, 80)}`);
      for (const s of body.responses ?? [])
        if (SurveyResponseSchema.safeParse(s).success) responses++;
        else problems.push(`response refused by the schema: ${JSON.stringify(s).slice(0, 80)}`);
    }
    return { requests, entries, responses, problems };
  } finally {
    db.close();
    await db.delete();
  }
}

export const teamWirePart: Part = {
  name: 'team-wire',
  limitMs: { full: 30_000, quick: 30_000 },
  figures: [{ figure: FIGURE, budget: BUDGET }],
  run: async () => {
    const day = await captureTeamDay();
    const onWire = day.requests.reduce((a, r) => a + r.bytes, 0);
    const raw = day.requests.reduce((a, r) => a + Buffer.byteLength(r.json, 'utf8'), 0);
    const gzipped = day.requests.every((r) => r.headers['content-encoding'] === 'gzip');
    const complete = day.entries === 30 && day.responses === 20 && day.problems.length === 0;
    const per = day.requests.map((r) => `${r.path} ${kb(r.bytes)}`).join(', ');
    return [
      {
        figure: FIGURE,
        value: `${kb(onWire)} on the wire${gzipped ? ', gzip' : ', PLAIN'} (${kb(raw)} raw JSON), ${day.requests.length} requests`,
        budget: BUDGET,
        pass: complete && onWire <= 4 * 1000,
        note:
          `Saved through src/db/team-log.ts and src/db/survey-responses.ts, sent by src/sync/team-outbox.ts (batches of up to 50, ` +
          `gzip by CompressionStream): ${per}. ${day.entries} entries and ${day.responses} responses pass the server's schemas` +
          (day.problems.length ? `; ${day.problems.slice(0, 2).join('; ')}` : '') +
          '. HTTP headers (Authorization, Content-Type, Content-Encoding, about 0.2 KB a request) not counted, as in the submission row.',
      },
    ];
  },
};

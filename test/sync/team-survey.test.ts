import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import surveyJson from '../../data/community/survey-default-2026.1.json';
import type { XasoDb } from '../../src/db/database';
import { getSetting } from '../../src/db/settings';
import { saveSurveyResponse } from '../../src/db/survey-responses';
import { SurveySchema, type Survey } from '../../src/domain/community/schemas';
import { flushTeamOutbox } from '../../src/sync/team-outbox';
import { pullTeamSurvey, storedTeamSurvey } from '../../src/sync/team-survey';
import { enrollFor, enrollTeam, freshDb, json } from './helpers';

const defaultSurvey = SurveySchema.parse(surveyJson);
/** A province's own survey (the contract: GET /team/survey → { survey }, with an ETag). */
const provinceSurvey: Survey = {
  id: 'khao-sat-ha-noi',
  version: '2026.2',
  title: { vi: 'Khảo sát sự hài lòng của người dân Hà Nội', en: 'Hanoi residents’ satisfaction survey' },
  overallQuestion: 'hai-long',
  questions: [
    { id: 'hai-long', type: 'scale5', vi: 'Ông/bà hài lòng thế nào?', en: 'How satisfied are you?' },
    { id: 'quay-lai', type: 'yesno', vi: 'Ông/bà có quay lại không?', en: 'Would you come back?' },
  ],
  scale: defaultSurvey.scale,
};

let db: XasoDb;
afterEach(async () => {
  vi.restoreAllMocks();
  await db?.delete();
});

interface Seen {
  path: string;
  auth: string | null;
  ifNoneMatch: string | null;
}

/** A fake server answering every request with `answer`; records what the phone sent. */
function server(answer: () => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const h = new Headers(init?.headers);
    seen.push({ path: input.replace(/^.*\/api\/v1/, ''), auth: h.get('Authorization'), ifNoneMatch: h.get('If-None-Match') });
    return answer();
  };
  return { fetch, seen };
}

const ok = (survey: unknown, etag = '"s-1"') =>
  new Response(JSON.stringify({ survey }), { status: 200, headers: { 'Content-Type': 'application/json', ETag: etag } });

describe('pullTeamSurvey (issue #15: a province publishes its own survey)', () => {
  it('200 stores the survey with its ETag; the next ask sends If-None-Match', async () => {
    db = freshDb();
    await enrollTeam(db);
    const s = server(() => ok(provinceSurvey));
    expect(await pullTeamSurvey({ db, fetch: s.fetch })).toEqual({ outcome: 'stored', survey: provinceSurvey });
    expect(s.seen).toEqual([{ path: '/team/survey', auth: 'Bearer team-tok', ifNoneMatch: null }]);
    const stored = await storedTeamSurvey(db);
    expect(stored?.survey).toEqual(provinceSurvey);
    expect(stored?.etag).toBe('"s-1"');

    await pullTeamSurvey({ db, fetch: s.fetch });
    expect(s.seen[1]?.ifNoneMatch).toBe('"s-1"');
  });

  it('304 keeps the stored survey', async () => {
    db = freshDb();
    await enrollTeam(db);
    await pullTeamSurvey({ db, fetch: server(() => ok(provinceSurvey)).fetch });
    const before = await getSetting('teamSurvey', db);
    const s = server(() => new Response(null, { status: 304, headers: { ETag: '"s-1"' } }));
    expect(await pullTeamSurvey({ db, fetch: s.fetch })).toEqual({ outcome: 'unchanged' });
    expect(s.seen[0]?.ifNoneMatch).toBe('"s-1"');
    expect(await getSetting('teamSurvey', db)).toEqual(before);
  });

  it('a new survey replaces the stored one, and the default comes back when the province withdraws its own', async () => {
    db = freshDb();
    await enrollTeam(db);
    await pullTeamSurvey({ db, fetch: server(() => ok(provinceSurvey)).fetch });
    await pullTeamSurvey({ db, fetch: server(() => ok(defaultSurvey, '"d-1"')).fetch });
    expect((await storedTeamSurvey(db))?.survey.id).toBe('survey-default');
    expect((await storedTeamSurvey(db))?.etag).toBe('"d-1"');
  });

  it('500, no connection or a captive portal page keeps the stored survey and says the pull failed', async () => {
    db = freshDb();
    await enrollTeam(db);
    await pullTeamSurvey({ db, fetch: server(() => ok(provinceSurvey)).fetch });
    const down = server(() => json(500, { error: { code: 'internal', message: 'boom' } }));
    expect((await pullTeamSurvey({ db, fetch: down.fetch })).outcome).toBe('failed');
    const offline = async (): Promise<Response> => Promise.reject(new TypeError('Failed to fetch'));
    expect((await pullTeamSurvey({ db, fetch: offline })).outcome).toBe('failed');
    const portal = server(() => new Response('<html>Đăng nhập Wi-Fi</html>', { status: 200 }));
    expect((await pullTeamSurvey({ db, fetch: portal.fetch })).outcome).toBe('failed');
    expect((await storedTeamSurvey(db))?.survey).toEqual(provinceSurvey);
  });

  it.each([
    ['no survey member', () => json(200, { nope: true })],
    ['a survey missing its questions', () => ok({ ...provinceSurvey, questions: [] })],
    ['a survey with an unknown field', () => ok({ ...provinceSurvey, residentName: 'x' })],
    ['an overall question that is not asked', () => ok({ ...provinceSurvey, overallQuestion: 'khong-co' })],
    ['a yes/no overall question', () => ok({ ...provinceSurvey, overallQuestion: 'quay-lai' })],
    [
      'two questions with one id',
      () => ok({ ...provinceSurvey, questions: [provinceSurvey.questions[0], provinceSurvey.questions[0]] }),
    ],
  ])('an invalid body (%s) is ignored and logged; the stored survey is kept', async (_name, answer) => {
    db = freshDb();
    await enrollTeam(db);
    await pullTeamSurvey({ db, fetch: server(() => ok(provinceSurvey)).fetch });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await pullTeamSurvey({ db, fetch: server(answer).fetch })).outcome).toBe('invalid');
    expect(warn).toHaveBeenCalled();
    expect((await storedTeamSurvey(db))?.survey).toEqual(provinceSurvey);
  });

  it('an officer phone or a phone not enrolled asks nothing', async () => {
    db = freshDb();
    const s = server(() => ok(provinceSurvey));
    expect(await pullTeamSurvey({ db, fetch: s.fetch })).toEqual({ outcome: 'not-asked' });
    await enrollFor(db);
    expect(await pullTeamSurvey({ db, fetch: s.fetch })).toEqual({ outcome: 'not-asked' });
    expect(s.seen).toEqual([]);
  });

  it('a survey stored for another commune is not used after enrolling elsewhere', async () => {
    db = freshDb();
    await enrollTeam(db, '00004');
    await pullTeamSurvey({ db, fetch: server(() => ok(provinceSurvey)).fetch });
    await enrollTeam(db, '00007');
    expect(await storedTeamSurvey(db)).toBeUndefined();
    // Nor its ETag: the new commune's device asks afresh.
    const s = server(() => ok(defaultSurvey));
    await pullTeamSurvey({ db, fetch: s.fetch });
    expect(s.seen[0]?.ifNoneMatch).toBeNull();
  });

  it('responses queued before the survey changed go up with the survey id and version they were answered on', async () => {
    db = freshDb();
    await enrollTeam(db);
    const before = await saveSurveyResponse(db, defaultSurvey, { 'hai-long-chung': 5 });
    await pullTeamSurvey({ db, fetch: server(() => ok(provinceSurvey)).fetch });
    const after = await saveSurveyResponse(db, provinceSurvey, { 'hai-long': 4, 'quay-lai': true });
    const posted: Record<string, unknown>[] = [];
    const fetch = async (_input: string, init?: RequestInit): Promise<Response> => {
      const raw = new Uint8Array(await new Response(init?.body as BodyInit).arrayBuffer());
      const { gunzipSync } = await import('node:zlib');
      const text = typeof init?.body === 'string' ? init.body : gunzipSync(raw).toString('utf8');
      const items = (JSON.parse(text) as { responses: Record<string, unknown>[] }).responses;
      posted.push(...items);
      return json(200, { accepted: items.map((i) => i.id), duplicates: [] });
    };
    await flushTeamOutbox({ db, fetch, force: true });
    const byId = new Map(posted.map((p) => [p.id, p]));
    expect(byId.get(before.id)).toMatchObject({ surveyId: 'survey-default', surveyVersion: '2026.1' });
    expect(byId.get(after.id)).toMatchObject({ surveyId: 'khao-sat-ha-noi', surveyVersion: '2026.2' });
  });
});

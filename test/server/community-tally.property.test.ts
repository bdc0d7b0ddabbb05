/**
 * Property (issue #15): the server's SQL tally (`communityTallyFor`, two grouped queries) equals
 * the pure domain tally (src/domain/community/tally.ts) over the same items, on SQLite and on
 * PostgreSQL. Random entries and responses, sent through the API as team phones send them: dates
 * in the year before, the year and the year after (31 December and 1 January often), answer times
 * around the Vietnam-time midnight that opens or closes the year, in UTC or +07:00, every kind,
 * resident counts 1–500, satisfaction 1–5 or unanswered, and 0–4 or 10–16 responses so that the
 * fewer-than-5 suppression outside the commune is crossed both ways. Another commune's items are
 * sent alongside and must not count. 30 runs per database.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import kindsJson from '../../data/community/support-kinds-2026.1.json';
import type { SupportEntry, SurveyResponse } from '../../src/domain/community/schemas';
import { forOutside, tally } from '../../src/domain/community/tally';
import { communityTallyFor } from '../../src/server/repositories/community-tally';
import { MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE } from './fixtures';
import { enrollTeam } from './community-fixtures';
import { DB_KINDS, serverPerTest, type TestServer } from './harness';

const KINDS = kindsJson.kinds.map((k) => k.id);
const OVERALL = 'hai-long-chung';
const HOUR = 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
type Of<A> = A extends fc.Arbitrary<infer T> ? T : never;

/** A calendar date, by its offset from the tallied year; the year's edges come often. */
const dateArb = fc.oneof(
  fc.constantFrom<[number, number, number]>([-1, 12, 31], [0, 1, 1], [0, 12, 31], [1, 1, 1]),
  fc.tuple(fc.integer({ min: -1, max: 1 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })),
);
const entryArb = fc.record({
  date: dateArb,
  kind: fc.constantFrom(...KINDS),
  residents: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 500 })),
});

/**
 * An answer time: within 30 hours of a Vietnam-time midnight opening the year or the next one
 * (17:00 UTC the day before), or anywhere in the three years; written in UTC or in +07:00.
 */
const instantArb = fc.record({
  anchor: fc.oneof(fc.constantFrom<0 | 1>(0, 1), fc.constant<null>(null)),
  offsetS: fc.integer({ min: -30 * 3600, max: 30 * 3600 }),
  spreadH: fc.integer({ min: -365 * 24, max: 2 * 365 * 24 }),
  asVietnam: fc.boolean(),
});
const scoreArb = fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined });
const responseArb = fc.record({ at: instantArb, overall: scoreArb, other: scoreArb, firstTime: fc.option(fc.boolean()) });

const itemsArb = fc.record({
  year: fc.integer({ min: 2001, max: 2098 }),
  entries: fc.array(entryArb, { maxLength: 25 }),
  // Few (satisfaction withheld outside the commune) or many (reported), so both sides of 5 come up.
  responses: fc.oneof(fc.array(responseArb, { maxLength: 4 }), fc.array(responseArb, { minLength: 10, maxLength: 16 })),
  elsewhere: fc.record({ entries: fc.array(entryArb, { maxLength: 4 }), responses: fc.array(responseArb, { maxLength: 6 }) }),
});

function isoOf(year: number, [dy, m, d]: [number, number, number]): string {
  return `${year + dy}-${pad(m)}-${pad(d)}`;
}

function instantOf(year: number, at: Of<typeof instantArb>): string {
  const ms =
    at.anchor === null
      ? Date.UTC(year, 0, 1) + at.spreadH * HOUR + at.offsetS * 1000
      : Date.UTC(year + at.anchor, 0, 1) - 7 * HOUR + at.offsetS * 1000;
  if (!at.asVietnam) return new Date(ms).toISOString();
  // The same instant written as Vietnam's local time with its offset, as a phone might send it.
  return `${new Date(ms + 7 * HOUR).toISOString().slice(0, 19)}+07:00`;
}

/** The year an answer counts for: its calendar day in Vietnam (UTC+7, no daylight saving). */
const vietnamYearOf = (iso: string): number => new Date(Date.parse(iso) + 7 * HOUR).getUTCFullYear();

function build(year: number, items: { entries: Of<typeof entryArb>[]; responses: Of<typeof responseArb>[] }) {
  const entries: SupportEntry[] = items.entries.map((e) => ({
    id: randomUUID(),
    date: isoOf(year, e.date),
    hamlet: 'Thôn Nà Pồng',
    kind: e.kind,
    residents: e.residents,
  }));
  const responses: SurveyResponse[] = items.responses.map((r) => ({
    id: randomUUID(),
    surveyId: 'survey-default',
    surveyVersion: '2026.1',
    answeredAt: instantOf(year, r.at),
    answers: {
      ...(r.overall === undefined ? {} : { [OVERALL]: r.overall }),
      ...(r.other === undefined ? {} : { 'hai-long-dvc': r.other }),
      ...(r.firstTime === null ? {} : { 'lan-dau-dvc': r.firstTime }),
    },
  }));
  return { entries, responses };
}

/** Sends a phone's items as its outbox does (a batch is never empty). */
async function send(s: TestServer, token: string, items: { entries: SupportEntry[]; responses: SurveyResponse[] }) {
  if (items.entries.length > 0) {
    const res = await s.request('POST', '/api/v1/team/entries', { token, body: { entries: items.entries } });
    expect([res.status, res.json?.accepted?.length]).toEqual([200, items.entries.length]);
  }
  if (items.responses.length > 0) {
    const res = await s.request('POST', '/api/v1/team/survey-responses', { token, body: { responses: items.responses } });
    expect([res.status, res.json?.accepted?.length]).toEqual([200, items.responses.length]);
  }
}

describe.each(DB_KINDS)('community tally: SQL equals the domain (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('on random entries and responses across years and the Vietnam-time day boundary', async () => {
    const s = server();
    const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
    const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
    const otherTeam = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE_2);
    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    let suppressed = 0;
    let reported = 0;
    await fc.assert(
      fc.asyncProperty(itemsArb, async ({ year, entries, responses, elsewhere }) => {
        await s.db.deleteFrom('team_entries').execute();
        await s.db.deleteFrom('survey_responses').execute();
        const mine = build(year, { entries, responses });
        await send(s, team.token, mine);
        await send(s, otherTeam.token, build(year, elsewhere));

        const expected = tally(
          String(year),
          mine.entries.filter((e) => e.date.startsWith(`${year}-`)),
          mine.responses.filter((r) => vietnamYearOf(r.answeredAt) === year),
          OVERALL,
        );
        expect(await communityTallyFor(s.db, MOUNTAIN_COMMUNE, year)).toEqual(expected);
        // Outside the commune satisfaction over fewer than 5 answers is withheld; the commune sees it all.
        const url = `/api/v1/communes/${MOUNTAIN_COMMUNE}/community-tally?year=${year}`;
        expect((await s.request('GET', url, { token: reviewer })).json).toEqual(forOutside(expected));
        expect((await s.request('GET', url, { token: officer.token })).json).toEqual(expected);
        const n = 'n' in expected.satisfaction ? expected.satisfaction.n : 0;
        if (n < 5) suppressed++;
        else reported++;
      }),
      { numRuns: 30, interruptAfterTimeLimit: 60_000 },
    );
    // The runs crossed the suppression threshold both ways (else the property proved half of it).
    expect(suppressed).toBeGreaterThan(0);
    expect(reported).toBeGreaterThan(0);
  }, 120_000);
});

/**
 * A province's own satisfaction survey (issue #15 item 3), on SQLite and PostgreSQL: GET /team/survey
 * gives a team phone its province's newest published survey (else the default) with an ETag and
 * 304; responses to it are checked against its questions and counted by its overall question; a
 * draft's survey, another province's or an unknown one is refused per item.
 */
import { describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../src/domain/criteria';
import { createApp } from '../../src/server/app';
import { PROVINCE_SURVEY_ID, provinceSurvey } from '../domain/criteria/survey-fixtures';
import { provinceSet, publishSet } from './criteria-set-fixtures';
import { enrollTeam, response } from './community-fixtures';
import { CITY_COMMUNE, CITY_PROVINCE, MOUNTAIN_COMMUNE, MOUNTAIN_COMMUNE_2, MOUNTAIN_PROVINCE } from './fixtures';
import { DB_KINDS, realReference, serverPerTest, type TestServer } from './harness';

const SURVEY = '/api/v1/team/survey';
const RESPONSES = '/api/v1/team/survey-responses';

const setWithSurvey = (version: string): CriteriaSet => ({ ...provinceSet(version), survey: provinceSurvey(version) });

/** A response to the province's survey, its overall answer given. */
const provinceResponse = (overall: number, version = '2026.1') =>
  response(overall, {
    surveyId: PROVINCE_SURVEY_ID,
    surveyVersion: version,
    answers: { 'thoi-gian-thu-tuc': 3, 'danh-gia-chung': overall, 'gioi-thieu-nguoi-than': true },
  });

async function cast(s: TestServer) {
  const reviewer = await s.reviewer(MOUNTAIN_PROVINCE);
  const team = await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE);
  return { reviewer, team: team.token, teamId: team.deviceId };
}

describe.each(DB_KINDS)('a province’s own survey (%s)', (kind) => {
  const server = serverPerTest(kind);

  it('gives a team phone the default survey, then its province’s once published, with ETag and 304', async () => {
    const s = server();
    const { reviewer, team } = await cast(s);
    const first = await s.request('GET', SURVEY, { token: team });
    expect(first.status).toBe(200);
    expect(first.json.survey).toMatchObject({ id: 'survey-default', version: '2026.1', overallQuestion: 'hai-long-chung' });
    expect(first.headers.get('etag')).toBe('"survey-default@2026.1"');
    for (const held of [
      '"survey-default@2026.1"',
      'W/"survey-default@2026.1"',
      'survey-default@2026.1',
      '"x", "survey-default@2026.1"',
    ]) {
      const again = await s.request('GET', SURVEY, { token: team, headers: { 'if-none-match': held } });
      expect([held, again.status, again.text]).toEqual([held, 304, '']);
      expect(again.headers.get('etag')).toBe('"survey-default@2026.1"');
    }

    // A draft's survey is not given, and responses to it are refused.
    const up = await s.request('POST', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/criteria-sets`, {
      token: reviewer,
      body: setWithSurvey('2026.1'),
    });
    expect(up.status).toBe(201);
    expect((await s.request('GET', SURVEY, { token: team })).json.survey.id).toBe('survey-default');
    const early = await s.request('POST', RESPONSES, { token: team, body: { responses: [provinceResponse(4)] } });
    expect(early.status).toBe(422);
    expect(early.json.error.items[0].problem).toBe(`unknown survey ${PROVINCE_SURVEY_ID}@2026.1`);

    expect(
      (await s.request('POST', `/api/v1/criteria-sets/${up.json.meta.id as string}/publish`, { token: reviewer })).status,
    ).toBe(200);
    const published = await s.request('GET', SURVEY, { token: team, headers: { 'if-none-match': '"survey-default@2026.1"' } });
    expect(published.status).toBe(200);
    expect(published.json.survey).toEqual(provinceSurvey('2026.1'));
    expect(published.headers.get('etag')).toBe(`"${PROVINCE_SURVEY_ID}@2026.1"`);
    const held = { 'if-none-match': `"${PROVINCE_SURVEY_ID}@2026.1"` };
    expect((await s.request('GET', SURVEY, { token: team, headers: held })).status).toBe(304);

    // A later version without a survey leaves the survey as it was; one with a survey replaces it.
    s.advance(60_000);
    await publishSet(s, reviewer, provinceSet('2026.2'));
    expect((await s.request('GET', SURVEY, { token: team, headers: held })).status).toBe(304);
    s.advance(60_000);
    await publishSet(s, reviewer, setWithSurvey('2026.3'));
    const newer = await s.request('GET', SURVEY, { token: team, headers: held });
    expect(newer.status).toBe(200);
    expect(newer.json.survey.version).toBe('2026.3');

    // Another province's team phone keeps the default.
    const other = await enrollTeam(s, await s.reviewer(CITY_PROVINCE), CITY_COMMUNE);
    expect((await s.request('GET', SURVEY, { token: other.token })).json.survey.id).toBe('survey-default');
  });

  it('refuses an upload whose survey is unfit, in Vietnamese with the path, and stores nothing', async () => {
    const s = server();
    const { reviewer } = await cast(s);
    const set = setWithSurvey('2026.1');
    set.survey = { ...set.survey!, id: 'survey-default', overallQuestion: 'gioi-thieu-nguoi-than' };
    const up = await s.request('POST', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/criteria-sets`, { token: reviewer, body: set });
    expect(up.status).toBe(422);
    expect(up.json.error.problems).toEqual([
      { path: 'survey.id', message: '"survey-default" là mã của phiếu khảo sát mặc định; phiếu của tỉnh cần một mã khác' },
      { path: 'survey.overallQuestion', message: 'câu hỏi chung "gioi-thieu-nguoi-than" phải là câu hỏi theo thang 5 mức' },
    ]);
    expect(await s.db.selectFrom('criteria_sets').select('id').execute()).toEqual([]);
  });

  it('is for team phones only; a revoked one is refused', async () => {
    const s = server();
    const { reviewer, team, teamId } = await cast(s);
    const officer = await s.enroll(reviewer, MOUNTAIN_COMMUNE);
    expect((await s.request('GET', SURVEY, { token: officer.token })).status).toBe(403);
    expect((await s.request('GET', SURVEY, { token: reviewer })).status).toBe(403);
    expect((await s.request('GET', SURVEY, { token: await s.adminToken() })).status).toBe(403);
    expect((await s.request('GET', SURVEY)).status).toBe(401);
    expect((await s.request('DELETE', `/api/v1/devices/${teamId}`, { token: reviewer })).status).toBe(204);
    expect((await s.request('GET', SURVEY, { token: team })).status).toBe(401);
  });

  it('another server instance on the same database gives the survey published through this one at once', async () => {
    const s = server();
    const { reviewer, team } = await cast(s);
    const other = createApp({
      db: s.db,
      dialect: s.database.dialect,
      storage: s.database.storage,
      reference: realReference(),
      now: () => s.clock,
      logError: () => undefined,
    });
    const ask = () => other.app.request(SURVEY, { headers: { authorization: `Bearer ${team}` } });
    expect(((await (await ask()).json()) as { survey: { id: string } }).survey.id).toBe('survey-default');
    await publishSet(s, reviewer, setWithSurvey('2026.1'));
    expect(((await (await ask()).json()) as { survey: { id: string } }).survey.id).toBe(PROVINCE_SURVEY_ID);
  });

  it('checks responses against the province survey’s own questions, per item; another province cannot use it', async () => {
    const s = server();
    const { reviewer, team } = await cast(s);
    await publishSet(s, reviewer, setWithSurvey('2026.1'));
    const good = provinceResponse(5);
    const defaultQuestion = response(4, { surveyId: PROVINCE_SURVEY_ID, surveyVersion: '2026.1' });
    const wrongType = provinceResponse(4);
    wrongType.answers['gioi-thieu-nguoi-than'] = 2;
    const otherVersion = provinceResponse(4, '2026.2');
    const toDefault = response(3);
    const res = await s.request('POST', RESPONSES, {
      token: team,
      body: { responses: [good, defaultQuestion, wrongType, otherVersion, toDefault] },
    });
    expect(res.status).toBe(422);
    expect(res.json.accepted).toEqual([good.id, toDefault.id]);
    expect(res.json.error.items.map((i: { index: number; problem: string }) => [i.index, i.problem])).toEqual([
      [1, 'answers.hai-long-dvc: not a question of this survey'],
      [2, 'answers.gioi-thieu-nguoi-than: expected true or false'],
      [3, `unknown survey ${PROVINCE_SURVEY_ID}@2026.2`],
    ]);
    const stored = await s.db
      .selectFrom('survey_responses')
      .select(['id', 'survey_id', 'overall'])
      .where('id', '=', good.id)
      .execute();
    expect(stored).toEqual([{ id: good.id, survey_id: PROVINCE_SURVEY_ID, overall: 5 }]);

    // A team phone of another province sends a response to Cao Bằng's survey: refused, nothing stored.
    const city = await enrollTeam(s, await s.reviewer(CITY_PROVINCE), CITY_COMMUNE);
    const foreign = provinceResponse(4);
    const refused = await s.request('POST', RESPONSES, { token: city.token, body: { responses: [foreign] } });
    expect(refused.status).toBe(422);
    expect(refused.json.error.items).toEqual([
      { index: 0, id: foreign.id, code: 'invalid_item', problem: `unknown survey ${PROVINCE_SURVEY_ID}@2026.1` },
    ]);
    expect(await s.db.selectFrom('survey_responses').select('id').where('id', '=', foreign.id).execute()).toEqual([]);
  });

  it('counts responses to the province survey in the satisfaction tally exactly as default ones', async () => {
    const s = server();
    const { reviewer, team } = await cast(s);
    await publishSet(s, reviewer, setWithSurvey('2026.1'));
    const overalls = [5, 4, 4, 2, 3, 1];
    // The same overall answers, to the default survey in one commune and to the province's in another.
    const teamOf2 = (await enrollTeam(s, reviewer, MOUNTAIN_COMMUNE_2)).token;
    const toDefault = await s.request('POST', RESPONSES, { token: team, body: { responses: overalls.map((o) => response(o)) } });
    const toProvince = await s.request('POST', RESPONSES, {
      token: teamOf2,
      body: { responses: overalls.map((o) => provinceResponse(o)) },
    });
    expect([toDefault.status, toProvince.status]).toEqual([200, 200]);
    const tallyOf = async (commune: string) =>
      (await s.request('GET', `/api/v1/communes/${commune}/community-tally?year=2026`, { token: reviewer })).json;
    const expected = { mean: 19 / 6, shareSatisfied: 3 / 6, n: 6 };
    expect((await tallyOf(MOUNTAIN_COMMUNE)).satisfaction).toEqual(expected);
    expect(await tallyOf(MOUNTAIN_COMMUNE_2)).toEqual(await tallyOf(MOUNTAIN_COMMUNE));
  });
  it('refuses a set whose survey id@version the province published with other questions, at upload and at publish', async () => {
    const s = server();
    const { reviewer } = await cast(s);
    const upload = (set: CriteriaSet) =>
      s.request('POST', `/api/v1/provinces/${MOUNTAIN_PROVINCE}/criteria-sets`, { token: reviewer, body: set });
    const otherSet = (questions: 'same' | 'changed'): CriteriaSet => {
      const survey = provinceSurvey('2026.1');
      if (questions === 'changed') survey.questions[0]!.vi = 'Ông/bà đánh giá thế nào về thái độ của tổ?';
      return { ...provinceSet('2026.1'), id: 'cao-bang-chi-so-phuong', survey };
    };
    // Two drafts uploaded before either is published: nothing to clash with yet.
    const raced = await upload(otherSet('changed'));
    expect(raced.status).toBe(201);
    await publishSet(s, reviewer, setWithSurvey('2026.1'));

    const refused = await upload(otherSet('changed'));
    expect(refused.status).toBe(422);
    expect(refused.json.error.problems).toEqual([
      {
        path: 'survey.id',
        message: `phiếu khảo sát "${PROVINCE_SURVEY_ID}" phiên bản 2026.1 đã được tỉnh công bố với câu hỏi khác; hãy đặt mã phiếu khác`,
      },
    ]);
    // The draft uploaded before is refused at publish, and stays a draft.
    const late = await s.request('POST', `/api/v1/criteria-sets/${raced.json.meta.id as string}/publish`, { token: reviewer });
    expect([late.status, late.json.error.code]).toEqual([409, 'criteria_set_survey_taken']);
    expect(
      (await s.request('GET', `/api/v1/criteria-sets/${raced.json.meta.id as string}`, { token: reviewer })).json.meta.status,
    ).toBe('draft');
    // The same survey, word for word, in another set is fine.
    expect((await publishSet(s, reviewer, otherSet('same'))).setId).toBe('cao-bang-chi-so-phuong');
  });
});

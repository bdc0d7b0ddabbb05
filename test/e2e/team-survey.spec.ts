/**
 * Issue #15 item 3, the team phone's side, at 360×640: the survey its server gives it
 * (GET /team/survey → { survey } with an ETag; answered here by a route, so the phone's behaviour
 * is pinned whatever the province publishes) is stored and run instead of the default, offline
 * too; the team home and the survey screen name it; a new survey that comes down while a resident
 * is answering waits for the next resident, and each response goes up with the survey id and
 * version it was answered on (the upload is caught by a route too). Then against the real server:
 * a province publishes a criteria set carrying its survey; a team phone enrolled there shows its
 * title and questions, five residents answer, and the server's tally counts them on the survey's
 * own overall question. axe on each new state.
 */
import { gunzipSync } from 'node:zlib';
import { expect, test, type Page, type Request } from '@playwright/test';
import { provinceSet } from '../support/province-set';
import { call as api, createReviewer, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, phone } from './env';
import { tx } from './pages/text';
import { firstCommune } from './units';

const DA_NANG = '48';
const COMMUNE = '20194'; // Phường Hải Vân
const SCALE = {
  vi: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
  en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
};
const SURVEY_A = {
  id: 'khao-sat-da-nang',
  version: '2026.1',
  title: { vi: 'Khảo sát hài lòng về bộ phận một cửa — Đà Nẵng', en: 'One-stop desk satisfaction — Da Nang' },
  overallQuestion: 'mot-cua',
  questions: [
    {
      id: 'mot-cua',
      type: 'scale5',
      vi: 'Ông/bà hài lòng thế nào với bộ phận một cửa?',
      en: 'How satisfied are you with the one-stop desk?',
    },
    { id: 'huong-dan-ro', type: 'yesno', vi: 'Cán bộ có hướng dẫn rõ ràng không?', en: 'Were the instructions clear?' },
  ],
  scale: SCALE,
};
const SURVEY_B = {
  ...SURVEY_A,
  version: '2026.2',
  title: { vi: 'Khảo sát hài lòng về dịch vụ công — Đà Nẵng', en: 'Public services satisfaction — Da Nang' },
  overallQuestion: 'dich-vu-cong',
  questions: [
    {
      id: 'dich-vu-cong',
      type: 'scale5',
      vi: 'Ông/bà hài lòng thế nào với dịch vụ công trực tuyến?',
      en: 'How satisfied are you with online public services?',
    },
    { id: 'tu-nop', type: 'yesno', vi: 'Ông/bà đã tự nộp được hồ sơ chưa?', en: 'Could you file on your own?' },
  ],
};
type SurveyFile = typeof SURVEY_A;

const t = (key: string, vars: Record<string, string | number> = {}) => tx('team', key, vars);

/** Enrolls the page as a team phone of `commune` with a code the reviewer issues, and names the member. */
async function enrollTeamPhone(page: Page, reviewerToken: string, commune: string, name: string): Promise<void> {
  const { code } = await api<{ code: string }>('POST', `/communes/${commune}/team-codes`, reviewerToken, {});
  await page.goto(`./#/enroll?code=${code}`);
  await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
  await page.getByRole('textbox', { name: t('name.label') }).fill(name);
  await page.getByRole('button', { name: t('name.save') }).click();
  await expect(page.getByRole('heading', { level: 1, name: t('home.title') })).toBeVisible();
}

/** The response bodies a team phone posts (gzipped where the browser can). */
function postedResponses(req: Request): { id: string; surveyId: string; surveyVersion: string; answers: object }[] {
  const raw = req.postDataBuffer() ?? Buffer.alloc(0);
  const text = req.headers()['content-encoding'] === 'gzip' ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return (JSON.parse(text) as { responses: ReturnType<typeof postedResponses> }).responses;
}

test('a team phone runs the survey its server gives, offline too; a new one waits for the next resident', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = await createReviewer(DA_NANG, 'dn-survey');
  const reviewerToken = await signIn(account.username, account.password);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    // The server's side of the contract: the survey in force, its ETag, 304 to the same ETag.
    let served: SurveyFile = SURVEY_A;
    const asked: { ifNoneMatch: string | undefined; answered: 200 | 304 }[] = [];
    await page.route('**/api/v1/team/survey', async (route) => {
      const etag = `"${served.id}@${served.version}"`;
      const ifNoneMatch = route.request().headers()['if-none-match'];
      expect(route.request().headers().authorization).toMatch(/^Bearer .+/);
      const answered = ifNoneMatch === etag ? 304 : 200;
      asked.push({ ifNoneMatch, answered });
      if (answered === 304) return route.fulfill({ status: 304, headers: { ETag: etag } });
      return route.fulfill({ status: 200, headers: { ETag: etag }, json: { survey: served } });
    });
    const posted: ReturnType<typeof postedResponses> = [];
    await page.route('**/api/v1/team/survey-responses', async (route) => {
      const items = postedResponses(route.request());
      posted.push(...items);
      return route.fulfill({ status: 200, json: { accepted: items.map((i) => i.id), duplicates: [] } });
    });

    await test.step('enrolled as a team phone: the home names the province’s survey', async () => {
      await enrollTeamPhone(page, reviewerToken, COMMUNE, 'Anh Minh');
      await expect(page.getByText(t('home.surveyInUse', { title: SURVEY_A.title.vi, version: SURVEY_A.version }))).toBeVisible();
      expect(asked[0]).toEqual({ ifNoneMatch: undefined, answered: 200 });
      await expectAccessible(page, 'team home with the province’s survey');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      // The team area is cached on first use through the worker; the first screens loaded before it
      // took control (and routes turn off the HTTP cache): one more visit online caches them.
      await page.reload();
      await expect(page.getByText(t('home.surveyInUse', { title: SURVEY_A.title.vi, version: SURVEY_A.version }))).toBeVisible();
    });

    await test.step('offline, after a reload: the stored survey is the one run', async () => {
      await handset.setOffline(true);
      await page.reload();
      await page.goto('./#/team/survey');
      await expect(page.getByRole('heading', { level: 1, name: SURVEY_A.title.vi })).toBeVisible();
      await expect(page.getByText(t('survey.version', { version: SURVEY_A.version }))).toBeVisible();
      for (const q of SURVEY_A.questions) await expect(page.getByRole('group', { name: q.vi })).toBeVisible();
      await expect(
        page.getByRole('group', { name: 'Ông/bà hài lòng thế nào với sự hỗ trợ tại điểm hỗ trợ hôm nay?' }),
      ).toHaveCount(0);
      await expectAccessible(page, 'survey screen, the province’s survey');
    });

    await test.step('mid-response, a new survey comes down: this resident finishes the old one', async () => {
      const first = page.getByRole('group', { name: SURVEY_A.questions[1]!.vi });
      await first.getByRole('radio', { name: t('survey.yes') }).check();
      served = SURVEY_B;
      const before = asked.length;
      await handset.setOffline(false); // the browser's `online` event: a sync run, which asks again
      await expect.poll(() => asked.slice(before).some((a) => a.answered === 200)).toBe(true);
      expect(asked[before]?.ifNoneMatch).toBe(`"${SURVEY_A.id}@${SURVEY_A.version}"`);
      await expect(page.getByRole('status').filter({ hasText: t('survey.newerWaiting') })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: SURVEY_A.title.vi })).toBeVisible();
      await expect(first.getByRole('radio', { name: t('survey.yes') })).toBeChecked();
      await expectAccessible(page, 'survey screen, a newer survey waiting');

      await page
        .getByRole('group', { name: SURVEY_A.questions[0]!.vi })
        .getByRole('radio', { name: SCALE.vi[4], exact: true })
        .check();
      await page.getByRole('button', { name: t('survey.submit') }).click();
      // The next resident answers the new survey.
      await expect(page.getByRole('heading', { level: 1, name: SURVEY_B.title.vi })).toBeVisible();
      await expect(page.getByText(t('survey.newerWaiting'))).toHaveCount(0);
      await page
        .getByRole('group', { name: SURVEY_B.questions[0]!.vi })
        .getByRole('radio', { name: SCALE.vi[3], exact: true })
        .check();
      await page.getByRole('button', { name: t('survey.submit') }).click();
      await expect(page.locator('.team-survey__count')).toHaveAttribute('data-count', '2');
    });

    await test.step('each response went up with the survey it was answered on; the home names the new one', async () => {
      await expect.poll(() => posted.length).toBe(2);
      const bySurvey = Object.fromEntries(posted.map((p) => [`${p.surveyId}@${p.surveyVersion}`, p.answers]));
      expect(bySurvey).toEqual({
        'khao-sat-da-nang@2026.1': { 'mot-cua': 5, 'huong-dan-ro': true },
        'khao-sat-da-nang@2026.2': { 'dich-vu-cong': 4 },
      });
      await page.goto('./#/');
      await expect(page.getByText(t('home.surveyInUse', { title: SURVEY_B.title.vi, version: SURVEY_B.version }))).toBeVisible();
    });
  } finally {
    await handset.close();
  }
});

const QUANG_TRI = '44';

test('a province publishes a set carrying its survey: the team phone runs it and the server tallies the responses', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const commune = firstCommune(QUANG_TRI).code;
  const account = await createReviewer(QUANG_TRI, 'qt-survey');
  const reviewerToken = await signIn(account.username, account.password);
  const set = provinceSet(QUANG_TRI, '2026.1');
  const survey = {
    ...SURVEY_A,
    id: 'khao-sat-quang-tri',
    version: set.version,
    title: { vi: 'Khảo sát hài lòng — Quảng Trị', en: 'Satisfaction survey — Quang Tri' },
  };
  const { meta } = await api<{ meta: { id: string } }>('POST', `/provinces/${QUANG_TRI}/criteria-sets`, reviewerToken, {
    ...set,
    survey,
  });
  await api('POST', `/criteria-sets/${meta.id}/publish`, reviewerToken);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    await test.step('the team phone enrolls: its home names the province’s survey; the survey screen shows its questions', async () => {
      await enrollTeamPhone(page, reviewerToken, commune, 'Chị Hoa');
      await expect(page.getByText(t('home.surveyInUse', { title: survey.title.vi, version: survey.version }))).toBeVisible();
      await page.getByRole('link', { name: t('home.survey') }).click();
      await expect(page.getByRole('heading', { level: 1, name: survey.title.vi })).toBeVisible();
      for (const q of survey.questions) await expect(page.getByRole('group', { name: q.vi })).toBeVisible();
      await expectAccessible(page, 'survey screen, the published survey');
    });

    const overall = [5, 4, 2, 4, 3];
    await test.step('five residents answer; every response is sent', async () => {
      for (const [i, score] of overall.entries()) {
        await page
          .getByRole('group', { name: survey.questions[0]!.vi })
          .getByRole('radio', { name: SCALE.vi[score - 1], exact: true })
          .check();
        await page
          .getByRole('group', { name: survey.questions[1]!.vi })
          .getByRole('radio', { name: i % 2 === 0 ? t('survey.yes') : t('survey.no') })
          .check();
        await page.getByRole('button', { name: t('survey.submit') }).click();
        await expect(page.locator('.team-survey__count')).toHaveAttribute('data-count', String(i + 1));
      }
      await page.goto('./#/');
      await expect(page.locator('.team-send__line')).toHaveAttribute('data-sent', '5', { timeout: 30_000 });
      await expect(page.locator('.team-send__line')).toHaveAttribute('data-queued', '0');
    });

    await test.step('the server tallies them on the survey’s own overall question', async () => {
      const year = new Date().getFullYear();
      const tally = await api<{ responses: number; satisfaction: { n: number; mean: number; shareSatisfied: number } }>(
        'GET',
        `/communes/${commune}/community-tally?year=${year}`,
        reviewerToken,
      );
      expect(tally.responses).toBe(5);
      expect(tally.satisfaction.n).toBe(5);
      expect(tally.satisfaction.mean).toBeCloseTo(overall.reduce((a, b) => a + b, 0) / overall.length, 6);
      expect(tally.satisfaction.shareSatisfied).toBeCloseTo(overall.filter((x) => x >= 4).length / overall.length, 6);
    });
  } finally {
    await handset.close();
  }
});

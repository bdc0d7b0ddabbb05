/**
 * Issue #15, the reviewer's side, at 1280×800: two team phones of Đắk Lắk (66) send support entries
 * and survey responses straight through the API as the team outbox does; one commune has 6 responses,
 * another 3 (too few to report satisfaction), a third none. The commune list shows, per commune, the
 * same residents helped, sessions, responses and satisfaction (mean, share satisfied, n) as the
 * server's GET /provinces/{code}/communes, "quá ít để báo cáo" under 5 responses and "—" without
 * team data; at 360 px the table scrolls inside its box. Axe on each state.
 */
import { expect, test } from '@playwright/test';
import type { CommuneRow } from '../../src/ui/reviewer/types';
import { entry, response } from '../server/community-fixtures';
import { createReviewer, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, desktop } from './env';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';
import { province } from './units';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);
const PROVINCE = '66';
const [busy, few, quiet] = province(PROVINCE).communes;
const today = new Date().toISOString().slice(0, 10);

async function call<T>(method: string, path: string, token: string, body?: unknown): Promise<T> {
  const res = await fetch(new URL(`api/v1${path}`, BASE_URL), {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  expect(res.ok, `${method} ${path} → ${res.status}: ${text}`).toBe(true);
  return JSON.parse(text) as T;
}

/** A team code issued by the reviewer, a team phone enrolled with it, and its items sent as the outbox sends them. */
async function sendTeamDay(reviewerToken: string, communeCode: string, residents: number[], overall: number[]) {
  const { code } = await call<{ code: string }>('POST', `/communes/${communeCode}/team-codes`, reviewerToken, {});
  const res = await fetch(new URL('api/v1/enrollments', BASE_URL), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code, label: 'Tổ CNS e2e' }),
  });
  expect(res.status).toBe(201);
  const team = ((await res.json()) as { token: string }).token;
  const entries = residents.map((r) => entry({ date: today, residents: r }));
  const responses = overall.map((o) => response(o, { answeredAt: new Date().toISOString() }));
  const sent = (ids: { id: string }[]) => ({ accepted: ids.map((x) => x.id), duplicates: [] });
  expect(await call('POST', '/team/entries', team, { entries })).toEqual(sent(entries));
  expect(await call('POST', '/team/survey-responses', team, { responses })).toEqual(sent(responses));
}

const vi = (n: number, digits: number) =>
  new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const viShare = (n: number) => new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 0 }).format(n);

test('the commune list shows each commune’s community-team tally as the server counts it', async ({ browser }) => {
  const account = await createReviewer(PROVINCE, 'community');
  const reviewerToken = await signIn(account.username, account.password);
  await sendTeamDay(reviewerToken, busy!.code, [3, 5, 2, 12], [5, 4, 4, 3, 5, 2]);
  await sendTeamDay(reviewerToken, few!.code, [1, 4], [5, 5, 1]);

  const list = await call<{ communes: CommuneRow[] }>('GET', `/provinces/${PROVINCE}/communes`, reviewerToken);
  const community = (code: string) => list.communes.find((c) => c.code === code)!.community;
  const busyTally = community(busy!.code)!;
  expect(busyTally).toMatchObject({ residentsHelped: 22, sessions: 4, responses: 6 });
  expect(busyTally.satisfaction).toEqual({ mean: 23 / 6, shareSatisfied: 4 / 6, n: 6 });
  expect(community(few!.code)).toMatchObject({ residentsHelped: 5, sessions: 2, responses: 3, satisfaction: { tooFew: true } });
  expect(community(quiet!.code) ?? null).toBeNull();

  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const reviewer = new ReviewerApp(page);
    await reviewer.signIn(account.username, account.password);
    await reviewer.gotoCommunes();
    await expect(reviewer.communeTable.getByRole('columnheader', { name: t('columns.community') })).toBeVisible();

    const cell = async (name: string) => (await reviewer.findCommune(name, name)).locator('td.rv-community');
    const s = busyTally.satisfaction as { mean: number; shareSatisfied: number; n: number };
    await expect((await cell(busy!.name)).getByRole('listitem')).toHaveText([
      t('community.residents', { n: busyTally.residentsHelped }),
      t('community.sessions', { n: busyTally.sessions }),
      t('community.responses', { n: busyTally.responses }),
      t('community.satisfaction', { mean: vi(s.mean, 1), share: viShare(s.shareSatisfied), n: s.n }),
    ]);
    await expectAccessible(page, 'communes with community tallies');

    await expect((await cell(few!.name)).getByRole('listitem')).toHaveText([
      t('community.residents', { n: 5 }),
      t('community.sessions', { n: 2 }),
      t('community.responses', { n: 3 }),
      t('community.tooFew'),
    ]);
    const none = await cell(quiet!.name);
    await expect(none.getByRole('listitem')).toHaveCount(0);
    await expect(none).toHaveText(`—${t('community.none')}`);
    await expectAccessible(page, 'a commune without team data');

    // At 360 px the list scrolls sideways inside its own box, as the rest of it does; the page itself does not.
    await page.setViewportSize({ width: 360, height: 640 });
    const narrow = (await cell(busy!.name)).getByRole('listitem');
    await narrow.first().scrollIntoViewIfNeeded();
    await expect(narrow.first()).toBeInViewport();
    const box = await page.locator('.rv-table-wrap').boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);
    // Nothing of the table widens the page: its visually hidden header text once did (1,401 px wide).
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page, 'communes with community tallies at 360 px');
  } finally {
    await context.close();
  }
});

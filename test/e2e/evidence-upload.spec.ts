/**
 * Issue #13, "Done when", the network rows: a phone at 360×640 with two photos and a PDF on two
 * items submits through a link that drops every connection after 300 KB (test/support/
 * dropping-proxy.ts, a real TCP proxy between Chromium and the real server). The submission goes
 * first; the files follow over tus and resume after every cut. Every file arrives whole (the
 * reviewer reads it back: same SHA-256), the bytes the phone put on the wire are at most 1.2 × the
 * files' bytes, and the reviewer sees the evidence on the submission.
 */
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { startDroppingProxy, type DroppingProxy } from '../support/dropping-proxy';
import { createReviewer, issueEnrollmentCode, signIn } from './api';
import { expectAccessible } from './axe';
import { BASE_URL, desktop, E2E_PORT, phone } from './env';
import { attachFiles, seedAssessment, sha256Hex, type SeededFile } from '../support/evidence-seed';
import { mountainCommune, type CommuneFixture } from './fixtures';
import { HomePage } from './pages/home';
import { ReviewerApp } from './pages/reviewer';
import { SummaryPage } from './pages/summary';
import { tx } from './pages/text';
import { firstCommune, province } from './units';

/** This journey's own province (Lai Châu), apart from the others. */
const LAI_CHAU = '12';
const commune = firstCommune(LAI_CHAU);
const fx: CommuneFixture = {
  ...mountainCommune,
  provinceCode: LAI_CHAU,
  province: province(LAI_CHAU).name,
  communeCode: commune.code,
  commune: commune.name,
};
const CUT_AFTER = 300_000;
/** Files are content-addressed: a photo of its own per run, so none is on the server beforehand. */
const randomSeed = () => 1 + Math.floor(Math.random() * 1_000_000);
async function enrollThroughUi(page: Page, code: string): Promise<void> {
  await page.goto('./#/enroll');
  await page.getByRole('textbox', { name: tx('sync', 'enroll.code') }).fill(code);
  await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();
  await new HomePage(page).expectShown();
}

async function readBack(token: string, file: SeededFile): Promise<{ status: number; sha256: string; type: string | null }> {
  const res = await fetch(new URL(`api/v1/evidence/files/${file.sha256}`, BASE_URL), {
    headers: { Authorization: `Bearer ${token}` },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { status: res.status, sha256: sha256Hex(bytes), type: res.headers.get('content-type') };
}

let proxy: DroppingProxy | undefined;
test.afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

test('[S9] through a link that drops every 300 KB, every evidence file arrives whole, for at most 1.2 × its bytes', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  proxy = await startDroppingProxy({ targetPort: E2E_PORT, cutAfterBytes: Infinity });
  const link = proxy;
  const account = await createReviewer(LAI_CHAU, 'laichau');
  const reviewerToken = await signIn(account.username, account.password);
  const { code } = await issueEnrollmentCode(reviewerToken, fx.communeCode);
  const handset = await browser.newContext({ ...phone, baseURL: `http://127.0.0.1:${link.port}/` });
  try {
    const page = await handset.newPage();
    const summary = new SummaryPage(page);
    const id = randomUUID();
    let files: SeededFile[] = [];

    await test.step('the phone enrolls, and holds an answered assessment with two photos and a PDF on two items', async () => {
      await enrollThroughUi(page, code);
      await seedAssessment(page, id, fx);
      files = await attachFiles(page, id, [
        {
          kind: 'photo',
          code: 'HTS6',
          name: 'bien-ban-hop.jpg',
          caption: 'Biên bản họp Ban chỉ đạo',
          width: 1000,
          height: 750,
          seed: randomSeed(),
        },
        {
          kind: 'photo',
          code: 'HTS6',
          name: 'anh-phong-may.jpg',
          caption: 'Phòng máy của xã',
          width: 1000,
          height: 750,
          seed: randomSeed(),
        },
        { kind: 'pdf', code: 'ANM7', name: 'quyet-dinh.pdf', caption: 'Quyết định kèm theo', bytes: 250_000 },
      ]);
      const total = files.reduce((n, f) => n + f.size, 0);
      // Enough that the link must drop several times while they go up.
      expect(total).toBeGreaterThan(2.5 * CUT_AFTER);
      await summary.goto(id);
      await expect(summary.submitPanel).toBeVisible();
    });

    await test.step('submitted through the dropping link: the submission is delivered, then the files, resumed after each cut', async () => {
      link.resetCounters();
      link.setCutAfter(CUT_AFTER);
      await summary.submit();
      await summary.expectSent(1);
      const status = summary.submitPanel.getByRole('status').filter({
        hasText: tx('sync', 'evidence.summary', { done: files.length, count: files.length }),
      });
      await expect(status).toBeVisible({ timeout: 180_000 });
      await expectAccessible(page, 'submit panel, evidence sent', { hard: true });
    });

    await test.step('every file arrived whole, and the bytes sent are at most 1.2 × the files', async () => {
      const fileBytes = files.reduce((n, f) => n + f.size, 0);
      test.info().annotations.push({
        type: 'wire',
        description: `${link.upstreamBytes} B sent upstream for ${fileBytes} B of files (${(link.upstreamBytes / fileBytes).toFixed(3)}×), ${link.cuts} cuts, ${link.connections} connections`,
      });
      console.log(test.info().annotations.at(-1)?.description);
      expect(link.cuts, 'the link dropped while the files went up').toBeGreaterThanOrEqual(2);
      expect(link.upstreamBytes / fileBytes, `${link.upstreamBytes} B sent for ${fileBytes} B of files`).toBeLessThanOrEqual(1.2);
      for (const file of files) {
        const back = await readBack(reviewerToken, file);
        expect(back).toEqual({ status: 200, sha256: file.sha256, type: file.type });
      }
    });

    await test.step('the submission names the three files, each received', async () => {
      const res = await fetch(new URL(`api/v1/assessments/${id}`, BASE_URL), {
        headers: { Authorization: `Bearer ${reviewerToken}` },
      });
      expect(res.status).toBe(200);
      const view = (await res.json()) as { evidence: { code: string; sha256: string; caption: string; received: boolean }[] };
      const expected = files.map((f, i) => ({
        code: i < 2 ? 'HTS6' : 'ANM7',
        sha256: f.sha256,
        caption: ['Biên bản họp Ban chỉ đạo', 'Phòng máy của xã', 'Quyết định kèm theo'][i],
        received: true,
      }));
      const byKey = (e: { code: string; sha256: string }) => `${e.code}/${e.sha256}`;
      expect(
        view.evidence
          .map((e) => ({ code: e.code, sha256: e.sha256, caption: e.caption, received: e.received }))
          .sort((a, b) => byKey(a).localeCompare(byKey(b))),
      ).toEqual(expected.sort((a, b) => byKey(a).localeCompare(byKey(b))));
    });

    await test.step('the reviewer sees the three files on the submission, none pending', async () => {
      const office = await browser.newContext({ ...desktop, baseURL: BASE_URL });
      try {
        const reviewer = new ReviewerApp(await office.newPage());
        await reviewer.signIn(account.username, account.password);
        await reviewer.gotoSubmission(id);
        const page = reviewer.page;
        // Two photos on HTS6, the PDF on ANM7: one heading per item.
        await expect(page.getByText(tx('reviewer', 'evidence.heading', { count: 2 }), { exact: true })).toBeVisible();
        await expect(page.getByText(tx('reviewer', 'evidence.heading', { count: 1 }), { exact: true })).toBeVisible();
        for (const caption of ['Biên bản họp Ban chỉ đạo', 'Phòng máy của xã']) {
          const thumb = page.getByRole('img', { name: tx('reviewer', 'evidence.photoAlt', { caption }) });
          await expect(thumb).toBeVisible();
          await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1000);
        }
        await expect(page.getByText(tx('reviewer', 'evidence.pending'), { exact: true })).toHaveCount(0);
      } finally {
        await office.close();
      }
    });
  } finally {
    await handset.close();
  }
});

test('"Chỉ gửi minh chứng khi có Wi-Fi": on mobile data the file waits, on Wi-Fi it goes', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = await createReviewer(LAI_CHAU, 'laichau-wifi');
  const reviewerToken = await signIn(account.username, account.password);
  const second = province(LAI_CHAU).communes[1];
  if (!second) throw new Error('Lai Châu has one commune');
  const { code } = await issueEnrollmentCode(reviewerToken, second.code);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  // The phone says it is on mobile data (Chrome on Android tells this through navigator.connection).
  await handset.addInitScript(() => {
    const connection = Object.assign(new EventTarget(), { type: 'cellular' });
    Object.defineProperty(Navigator.prototype, 'connection', { configurable: true, get: () => connection });
    (window as unknown as { setConnectionType: (t: string) => void }).setConnectionType = (t: string) => {
      connection.type = t;
      connection.dispatchEvent(new Event('change'));
    };
  });
  try {
    const page = await handset.newPage();
    const summary = new SummaryPage(page);
    await enrollThroughUi(page, code);

    await test.step('the officer turns the setting on (off by default)', async () => {
      await page.goto('./#/settings');
      const wifiOnly = page.getByRole('checkbox', { name: tx('settings', 'evidenceUpload.wifiOnly') });
      await expect(wifiOnly).not.toBeChecked();
      await wifiOnly.check();
      await expect(wifiOnly).toBeChecked();
      await page.reload();
      await expect(wifiOnly).toBeChecked();
      await expectAccessible(page, 'settings, evidence on Wi-Fi only', { hard: true });
    });

    const id = randomUUID();
    await seedAssessment(page, id, { ...fx, communeCode: second.code });
    const [file] = await attachFiles(page, id, [
      { kind: 'photo', code: 'HTS6', name: 'anh.jpg', caption: 'Ảnh', width: 400, height: 300, seed: randomSeed() },
    ]);
    if (!file) throw new Error('no file attached');

    await test.step('submitted on mobile data: the answers go, the photo waits for Wi-Fi', async () => {
      await summary.goto(id);
      await summary.submit();
      await summary.expectSent(1);
      await expect(summary.submitPanel.getByText(tx('sync', 'evidence.state.wifi'))).toBeVisible();
      await expect(summary.submitPanel.getByRole('status')).toHaveText(tx('sync', 'evidence.summary', { done: 0, count: 1 }));
      await expectAccessible(page, 'submit panel, evidence waiting for Wi-Fi', { hard: true });
      expect((await readBack(reviewerToken, file)).status).toBe(404);
    });

    await test.step('Wi-Fi comes: the photo goes up by itself', async () => {
      await page.evaluate(() => (window as unknown as { setConnectionType: (t: string) => void }).setConnectionType('wifi'));
      await expect(summary.submitPanel.getByRole('status')).toHaveText(tx('sync', 'evidence.summary', { done: 1, count: 1 }));
      expect(await readBack(reviewerToken, file)).toEqual({ status: 200, sha256: file.sha256, type: file.type });
    });
  } finally {
    await handset.close();
  }
});

test('a file the server refuses is shown with its reason on that file, and the other file still goes', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = await createReviewer(LAI_CHAU, 'laichau-refused');
  const reviewerToken = await signIn(account.username, account.password);
  const third = province(LAI_CHAU).communes[2];
  if (!third) throw new Error('Lai Châu has two communes');
  const { code } = await issueEnrollmentCode(reviewerToken, third.code);
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL });
  try {
    const page = await handset.newPage();
    const summary = new SummaryPage(page);
    await enrollThroughUi(page, code);
    const id = randomUUID();
    await seedAssessment(page, id, { ...fx, communeCode: third.code });
    // A "photo" that starts as a JPEG and then is not one (a file damaged on the phone).
    const broken = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x41)]);
    const [bad, good] = await attachFiles(page, id, [
      {
        kind: 'raw',
        code: 'HTS6',
        name: 'anh-hong.jpg',
        caption: 'Ảnh hỏng',
        type: 'image/jpeg',
        base64: broken.toString('base64'),
      },
      { kind: 'photo', code: 'ANM7', name: 'anh-tot.jpg', caption: 'Ảnh tốt', width: 400, height: 300, seed: randomSeed() },
    ]);
    if (!bad || !good) throw new Error('files not attached');
    await summary.goto(id);
    await summary.submit();
    await summary.expectSent(1);
    await expect(summary.submitPanel.getByRole('status')).toHaveText(tx('sync', 'evidence.summary', { done: 1, count: 2 }));
    const refused = summary.submitPanel.getByRole('listitem').filter({ hasText: 'anh-hong.jpg' });
    await expect(refused.getByText(tx('sync', 'evidence.state.refused'))).toBeVisible();
    await expect(refused.getByText(tx('sync', 'evidence.refusal.evidence_image_invalid'))).toBeVisible();
    await expect(refused.getByRole('button', { name: tx('sync', 'evidence.retry') })).toBeVisible();
    await expectAccessible(page, 'submit panel, a file refused', { hard: true });
    expect((await readBack(reviewerToken, good)).sha256).toBe(good.sha256);
    expect((await readBack(reviewerToken, bad)).status).toBe(404);
  } finally {
    await handset.close();
  }
});

test('[S10] a reload in the middle of an upload resumes it from the last acknowledged byte', async ({ browser }) => {
  test.setTimeout(180_000);
  const account = await createReviewer(LAI_CHAU, 'laichau-reload');
  const reviewerToken = await signIn(account.username, account.password);
  const fourth = province(LAI_CHAU).communes[3];
  if (!fourth) throw new Error('Lai Châu has three communes');
  const { code } = await issueEnrollmentCode(reviewerToken, fourth.code);
  // No service worker: page.route sees every request of the page as it leaves.
  const handset = await browser.newContext({ ...phone, baseURL: BASE_URL, serviceWorkers: 'block' });
  try {
    const page = await handset.newPage();
    const summary = new SummaryPage(page);
    await enrollThroughUi(page, code);
    const id = randomUUID();
    await seedAssessment(page, id, { ...fx, communeCode: fourth.code });
    const [file] = await attachFiles(page, id, [
      { kind: 'pdf', code: 'ANM7', name: 'quyet-dinh.pdf', caption: 'Quyết định', bytes: 400_000 },
    ]);
    if (!file) throw new Error('no file attached');

    // The link stalls after three chunks: the fourth PATCH never gets an answer.
    let patches = 0;
    await page.route('**/api/v1/evidence/uploads/**', async (route) => {
      if (route.request().method() === 'PATCH' && ++patches > 3) return; // held: no answer
      await route.continue();
    });
    await summary.goto(id);
    await summary.submit();
    await summary.expectSent(1);
    await expect.poll(() => patches).toBeGreaterThan(3);

    const after: { method: string; url: string; offset: string | undefined }[] = [];
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    // From the reloaded page's first question on: the old page's held PATCH goes through once
    // unrouted and its upload may send one more chunk before the reload cuts it; those are not
    // what the reloaded page does.
    let reloaded = false;
    page.on('request', (r) => {
      if (!r.url().includes('/api/v1/evidence/')) return;
      reloaded ||= r.method() === 'HEAD';
      if (reloaded) after.push({ method: r.method(), url: r.url(), offset: r.headers()['upload-offset'] });
    });
    const serverOffsets: string[] = [];
    page.on('response', (r) => {
      const offset = r.headers()['upload-offset'];
      if (r.request().method() === 'HEAD' && r.url().includes('/evidence/uploads/') && offset) serverOffsets.push(offset);
    });
    await page.reload();
    await expect(summary.submitPanel.getByRole('status')).toHaveText(tx('sync', 'evidence.summary', { done: 1, count: 1 }), {
      timeout: 60_000,
    });
    // No new upload: the stored URL is asked for its offset (at least the three chunks answered),
    // and the next PATCH starts exactly there.
    expect(after.filter((r) => r.method === 'POST')).toEqual([]);
    const acknowledged = Number(serverOffsets[0]);
    expect(acknowledged).toBeGreaterThanOrEqual(3 * 32 * 1024);
    expect(after.find((r) => r.method === 'PATCH')?.offset).toBe(String(acknowledged));
    expect(await readBack(reviewerToken, file)).toEqual({ status: 200, sha256: file.sha256, type: file.type });
  } finally {
    await handset.close();
  }
});

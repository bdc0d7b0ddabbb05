/**
 * Issue #13, the reviewer's side (1280×800): a commune of Cần Thơ (92) submits with evidence on
 * two items, straight through the API as a phone would, then uploads a photo and a PDF over tus
 * (tus-js-client in Node); a third file never arrives. On the submission screen the reviewer sees
 * the photo as a thumbnail (fetched with the session and decoded), the PDF as a link, and
 * "chưa nhận được tệp" for the missing one. Axe on that state.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import * as tus from 'tus-js-client';
import { applicableComponents } from '../../src/domain/catalogue';
import type { Catalogue } from '../../src/domain/types';
import { cleanPdf } from '../server/evidence/samples';
import { createReviewer, enrollPhone, issueEnrollmentCode, signIn } from './api';
import { BASE_URL, desktop } from './env';
import { ReviewerApp } from './pages/reviewer';
import { tx } from './pages/text';
import { province } from './units';

const t = (key: string, vars: Record<string, string | number> = {}) => tx('reviewer', key, vars);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const catalogue = JSON.parse(
  readFileSync(new URL('../../data/catalogue/2026.1/catalogue.json', import.meta.url), 'utf8'),
) as Catalogue;
const commune = province('92').communes[2]!;
const photo = readFileSync(new URL('../server/evidence/fixtures/photo.jpg', import.meta.url));
const pdf = cleanPdf();
const missing = Buffer.from(photo).reverse();

function upload(token: string, bytes: Buffer, type: string): Promise<void> {
  return new Promise((resolve, reject) => {
    new tus.Upload(bytes, {
      endpoint: new URL('api/v1/evidence/uploads', BASE_URL).href,
      retryDelays: [],
      headers: { Authorization: `Bearer ${token}` },
      metadata: { sha256: sha256(bytes), type, filename: 'tep', communeCode: commune.code },
      onError: reject,
      onSuccess: () => resolve(),
    }).start();
  });
}

test('the reviewer sees each item’s evidence: a thumbnail, a PDF link, and a file not received yet', async ({ browser }) => {
  const account = await createReviewer('92', 'evid');
  const reviewerToken = await signIn(account.username, account.password);
  const token = await enrollPhone((await issueEnrollmentCode(reviewerToken, commune.code)).code, 'e2e evidence');
  const now = new Date().toISOString();
  const answers = applicableComponents(catalogue, ['rural'])
    .filter((c) => !c.open)
    .map((c) => ({ code: c.code, status: 3, updatedAt: now }));
  const [first, second] = answers.map((a) => a.code);
  const evidence = [
    { code: first!, sha256: sha256(photo), caption: 'Bộ phận một cửa', type: 'image/jpeg', size: photo.length },
    { code: first!, sha256: sha256(missing), caption: 'Ảnh chưa gửi', type: 'image/jpeg', size: missing.length },
    { code: second!, sha256: sha256(pdf), caption: 'Biên bản họp', type: 'application/pdf', size: pdf.length },
  ];
  const id = randomUUID();
  const put = await fetch(new URL(`api/v1/assessments/${id}`, BASE_URL), {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      revision: 1,
      baseRevision: null,
      communeCode: commune.code,
      areaTypes: ['rural'],
      period: '2026',
      catalogueVersion: '2026.1',
      methodologyId: 'provisional-2026.1',
      submittedAt: now,
      answers,
      evidence,
    }),
  });
  expect(put.status, await put.clone().text()).toBe(200);
  await upload(token, photo, 'image/jpeg');
  await upload(token, pdf, 'application/pdf');

  const context = await browser.newContext({ ...desktop, baseURL: BASE_URL });
  try {
    const page = await context.newPage();
    const reviewer = new ReviewerApp(page);
    await reviewer.signIn(account.username, account.password);
    await reviewer.gotoSubmission(id);
    const thumb = page.getByRole('img', { name: t('evidence.photoAlt', { caption: 'Bộ phận một cửa' }) });
    await expect(thumb).toBeVisible();
    // Decoded from the bytes the server holds (96×64), not a broken image.
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
    await expect(page.getByText(t('evidence.heading', { count: 2 }), { exact: true })).toBeVisible();
    await expect(page.getByText(t('evidence.pending'), { exact: true })).toHaveCount(1);
    await expect(page.getByText('Ảnh chưa gửi', { exact: true })).toBeVisible();
    const pdfLink = page.getByRole('link', {
      name: new RegExp(`^${t('evidence.openPdf', { size: 'XX' }).replace(/\(XX\)/, '\\(.+\\)')}$`),
    });
    await expect(pdfLink).toBeVisible();
    expect(await pdfLink.getAttribute('href')).toMatch(/^blob:/);

    await expectAccessible(page, 'reviewer, the submission with its evidence', { hard: true });
  } finally {
    await context.close();
  }
});

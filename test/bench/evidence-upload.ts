/**
 * Evidence on the wire (issue #13): the phone's own upload code in Debian's Chromium at 360×640,
 * the real server (src/server/main.ts, SQLite) behind test/support/dropping-proxy.ts, a TCP proxy
 * that counts every byte the phone sends upstream and can cut each connection after N bytes.
 *  - a 3-photo submission: three photos of ≈300 KB (JPEGs encoded by Chromium's canvas, the size
 *    the phone's downscale aims at) on two items; from the click on "Gửi" until the last file is
 *    acknowledged, everything the phone sent (the submission, its HEAD checks, the tus requests
 *    with their headers, the verdict pull), over an unbroken link.
 *  - resumed-upload overhead: the same with other photos through a link that resets every
 *    connection after 300 KB; bytes sent ÷ the files' bytes.
 * The phone is set up by writing its store (test/support/evidence-seed.ts); the submission and the
 * uploads are the app's, started by the officer's click.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { chromium, type Browser } from '@playwright/test';
import { tx } from '../e2e/pages/text';
import { startDroppingProxy } from '../support/dropping-proxy';
import { attachFiles, filesNotUploaded, seedAssessment, seedEnrollment, type AssessmentSeed } from '../support/evidence-seed';
import { enrollDevice, signIn } from './api';
import { CHROMIUM, CHROMIUM_ARGS } from './lighthouse-run';
import { PHONE_CONTEXT } from './phone-context';
import { kb, type Part, type PartContext } from './report';
import { startServer } from './server-process';
import { sleep } from './stats';

const WIRE = 'a 3-photo submission on the wire (submission + files, real server)';
const WIRE_BUDGET = '≤ 1.05 × the photos';
const RESUME = 'resumed-upload overhead, link reset every 300 KB (bytes sent ÷ file bytes)';
const RESUME_BUDGET = '≤ 1.2×';
const ADMIN_PASSWORD = 'bench-admin-password-1';
/** Lai Châu: a mountain province; two communes, one per run, so no file is already on the server. */
const PROVINCE = '12';
const COMMUNES = ['03390', '03394'];
const mountain = JSON.parse(
  readFileSync(new URL('../e2e/fixtures/mountain-commune.json', import.meta.url), 'utf8'),
) as AssessmentSeed;

interface Run {
  sent: number;
  received: number;
  files: number;
  fileBytes: number;
  cuts: number;
  connections: number;
  ms: number;
}

async function uploadRun(
  ctx: PartContext,
  browser: Browser,
  server: string,
  adminToken: string,
  run: number,
  cutAfter: number,
): Promise<Run> {
  const communeCode = COMMUNES[run] ?? '03390';
  const device = await enrollDevice(server, adminToken, communeCode, PROVINCE);
  const proxy = await startDroppingProxy({ targetPort: Number(new URL(server).port), cutAfterBytes: Infinity });
  ctx.defer(() => proxy.close());
  const context = await browser.newContext({
    ...PHONE_CONTEXT,
    baseURL: `http://127.0.0.1:${proxy.port}/`,
  });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    await page.goto('./');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await seedEnrollment(page, { deviceToken: device.token, communeCode, provinceCode: PROVINCE, communeName: 'Xã (bench)' });
    const id = randomUUID();
    const seed: AssessmentSeed = { ...mountain, provinceCode: PROVINCE, communeCode };
    await seedAssessment(page, id, seed);
    const photo = (n: number, code: string) =>
      ({ kind: 'photo', code, name: `anh-${n}.jpg`, caption: `Ảnh ${n}`, width: 1000, height: 750, seed: 10 * run + n }) as const;
    const files = await attachFiles(page, id, [photo(1, 'HTS6'), photo(2, 'HTS6'), photo(3, 'ANM7')]);
    await page.goto(`./#/a/${id}/summary`);
    const panel = page.getByRole('region', { name: tx('sync', 'submit.title') });
    await panel.getByRole('button', { name: tx('sync', 'submit.button'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: tx('sync', 'submit.confirmTitle') });
    proxy.resetCounters();
    proxy.setCutAfter(cutAfter);
    const start = performance.now();
    await dialog.getByRole('button', { name: tx('sync', 'submit.confirm'), exact: true }).click();
    while ((await filesNotUploaded(page)) > 0) {
      if (ctx.signal.aborted || performance.now() - start > 150_000)
        throw new Error('the files were not all acknowledged in 150 s');
      await sleep(250);
    }
    const ms = performance.now() - start;
    return {
      sent: proxy.upstreamBytes,
      received: proxy.downstreamBytes,
      files: files.length,
      fileBytes: files.reduce((n, f) => n + f.size, 0),
      cuts: proxy.cuts,
      connections: proxy.connections,
      ms,
    };
  } finally {
    await context.close();
    await proxy.close();
  }
}

const ratio = (r: Run) => r.sent / r.fileBytes;

export const evidenceUploadPart: Part = {
  name: 'evidence-upload',
  limitMs: { full: 360_000, quick: 360_000 },
  figures: [
    { figure: WIRE, budget: WIRE_BUDGET },
    { figure: RESUME, budget: RESUME_BUDGET },
  ],
  run: async (ctx) => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found`);
    if (!existsSync(join(ctx.dist, 'index.html'))) throw new Error('no production build in dist/ (run npm run build)');
    const dataDir = mkdtempSync(join(tmpdir(), 'xaso-bench-evidence-'));
    ctx.defer(() => rmSync(dataDir, { recursive: true, force: true }));
    const server = await startServer({ root: ctx.root, dataDir, staticDir: ctx.dist, adminPassword: ADMIN_PASSWORD });
    ctx.defer(server.stop);
    const adminToken = await signIn(server.url, 'admin', ADMIN_PASSWORD);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    ctx.defer(() => browser.close());

    const whole = await uploadRun(ctx, browser, server.url, adminToken, 0, Infinity);
    const describe = (r: Run) =>
      `${r.files} files of ${kb(r.fileBytes)} in all; ${kb(r.sent)} sent upstream (${kb(r.received)} received) over ${r.connections} new connection(s), ${r.cuts} reset, in ${(r.ms / 1000).toFixed(1)} s`;
    ctx.report({
      figure: WIRE,
      value: `${kb(whole.sent)} sent for ${kb(whole.fileBytes)} of photos (${ratio(whole).toFixed(3)}×)`,
      budget: WIRE_BUDGET,
      pass: ratio(whole) <= 1.05,
      note:
        `${describe(whole)}. Counted by a TCP proxy between Chromium and the real server (SQLite), from the click on "Gửi" until IndexedDB holds every file as acknowledged: ` +
        'the submission (gzip), a HEAD per file (content-addressed: a file the server has is not sent), the tus creation and 32 KiB PATCH requests with their headers, the verdict pull. ' +
        'Photos: JPEGs of 1000×750 encoded by Chromium, about the 300 KB the phone downscales a 12-MP photo to.',
    });

    const cut = await uploadRun(ctx, browser, server.url, adminToken, 1, 300_000);
    ctx.report({
      figure: RESUME,
      value: `${ratio(cut).toFixed(3)}× (${kb(cut.sent)} sent for ${kb(cut.fileBytes)}, ${cut.cuts} resets)`,
      budget: RESUME_BUDGET,
      pass: ratio(cut) <= 1.2 && cut.cuts > 0,
      note:
        `${describe(cut)}. The proxy resets (TCP RST) every connection once it has carried 300 KB upstream; each upload resumes from the offset the server acknowledged (HEAD), so a reset costs the 32 KiB chunk in flight at most, plus the requests' headers. ` +
        `The unbroken link above gives the floor (${ratio(whole).toFixed(3)}×).`,
    });
  },
};

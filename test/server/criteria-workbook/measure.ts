/**
 * Time and peak memory of readCriteriaWorkbook on the 47-indicator template and on zip bombs,
 * each in a fresh Node process so that one's garbage does not count against the next.
 *   node --import tsx test/server/criteria-workbook/measure.ts
 * "baseline" loads the same modules and builds the same input without reading it: the
 * difference is what the read itself costs.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDeflateRaw } from 'node:zlib';
import { readCriteriaWorkbook } from '../../../src/server/criteria-workbook';
import { buildZip, templateWorkbook } from './workbooks';

const MB = 1024 * 1024;
/** The parent writes the template here and passes its path to each child. */
const templateFile = process.argv[3] ?? path.join(os.tmpdir(), `xaso-measure-template-${process.pid}.xlsx`);
const SCENARIOS = ['baseline', 'template', 'bomb-declared', 'bomb-lying'] as const;
type Scenario = (typeof SCENARIOS)[number];

/** `bytes` zeros, deflated a megabyte at a time: the harness never holds them inflated. */
async function zeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(MB);
  for (let i = 0; i < bytes / MB; i++) if (!deflate.write(block)) await new Promise((r) => deflate.once('drain', r));
  deflate.end();
  await done;
  return Buffer.concat(chunks);
}

async function input(s: Scenario): Promise<Uint8Array> {
  if (s === 'bomb-declared')
    return buildZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<x/>'), declaredSize: 4000 * MB }]);
  if (s === 'bomb-lying')
    // 1 GB of zeros in about 1 MB, claiming to be 1 KB.
    return buildZip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(0), declaredSize: 1000, deflated: await zeros(1024 * MB) },
    ]);
  // Written by the parent process, so that writing it does not count in this one's peak.
  return fs.readFileSync(templateFile);
}

async function run(s: Scenario): Promise<void> {
  const bytes = await input(s);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = s === 'baseline' ? { ok: true } : await readCriteriaWorkbook(bytes);
  const ms = performance.now() - started;
  const peak = process.resourceUsage().maxRSS * 1024;
  // A second read: what a running server pays once exceljs and the code are compiled.
  const again = performance.now();
  if (s !== 'baseline') await readCriteriaWorkbook(bytes);
  const warmMs = performance.now() - again;
  console.log(
    JSON.stringify({
      scenario: s,
      fileBytes: bytes.length,
      ok: result.ok,
      ms: Math.round(ms),
      warmMs: Math.round(warmMs),
      rssBeforeMB: +(rssBefore / MB).toFixed(1),
      peakRssMB: +(peak / MB).toFixed(1),
    }),
  );
}

const arg = process.argv[2] as Scenario | undefined;
if (arg) await run(arg);
else {
  fs.writeFileSync(templateFile, await templateWorkbook());
  for (const s of SCENARIOS)
    process.stdout.write(
      execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), s, templateFile], {
        encoding: 'utf8',
      }),
    );
  fs.rmSync(templateFile);
}

/**
 * Bytes a phone downloads, from the production build (see bundle-size.ts for how the files are
 * found): the first screen's JavaScript, beside the ODK Web Forms 0.22 peer figure, and
 * what the service worker precaches at install (and what it defers until first use).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstScreenJsGzip, precacheGzip } from './bundle-size';
import { kb, type Part, type Row } from './report';

/**
 * ODK Web Forms 0.22 (`npm pack @getodk/web-forms@0.22`): dist/index.js and the chunk it
 * imports statically (dist/index-DlGh9P5C.js), gzip -9. Its dynamic MapBlock chunk is left out.
 */
export const ODK_WEB_FORMS = { version: '0.22.0', indexJs: 697_085, staticChunk: 550_922 } as const;
export const ODK_EAGER_GZIP = ODK_WEB_FORMS.indexJs + ODK_WEB_FORMS.staticChunk;

const FIRST = 'JavaScript the first screen downloads (gzip -9)';
const PEER = 'peer: ODK Web Forms 0.22 eager JavaScript (gzip -9)';
const PRECACHE = 'what the service worker precaches at install (gzip -9)';

function deferredText(d: { files: number; bytes: number; byArea: Record<string, number> }): string {
  const areas = Object.entries(d.byArea)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([area, bytes]) => `${area === 'reviewer' ? 'the reviewer area' : `language "${area}"`} ${kb(bytes)}`);
  return `${d.files} entries, ${kb(d.bytes)} (${areas.join('; ') || 'none'})`;
}

export const bundlePart: Part = {
  name: 'bundle',
  limitMs: { full: 60_000, quick: 60_000 },
  figures: [
    { figure: FIRST, budget: '≤ 80 KB' },
    { figure: PEER, budget: '(context)' },
    { figure: PRECACHE, budget: '≤ 350 KB' },
  ],
  run: (ctx) => {
    if (!existsSync(join(ctx.dist, 'index.html'))) throw new Error('no production build in dist/ (run npm run build)');
    const first = firstScreenJsGzip(ctx.dist);
    const pre = precacheGzip(ctx.dist);
    if (pre.files === 0) throw new Error('no precache manifest found in dist/sw.js');
    const ratio = ODK_EAGER_GZIP / first.bytes;
    const rows: Row[] = [
      {
        figure: FIRST,
        value: kb(first.bytes),
        budget: '≤ 80 KB',
        pass: first.bytes <= 80 * 1000,
        note: `${first.files.length} file(s) index.html loads, with their static imports: ${first.files.join(', ')}. KB = 1,000 bytes throughout.`,
      },
      {
        figure: PEER,
        value: `${kb(ODK_EAGER_GZIP)} — ${ratio.toFixed(1)}× ours`,
        budget: '(context)',
        pass: null,
        note: `index.js ${ODK_WEB_FORMS.indexJs.toLocaleString('en')} B + its static chunk ${ODK_WEB_FORMS.staticChunk.toLocaleString('en')} B, gzip -9 of the npm package's dist/ (verified with npm pack @getodk/web-forms@0.22; the lazily loaded MapBlock chunk, 211,093 B, is not counted).`,
      },
      {
        figure: PRECACHE,
        value: `${kb(pre.bytes)} (${pre.files} entries)`,
        budget: '≤ 350 KB',
        pass: pre.missing.length === 0 && pre.bytes <= 350 * 1000,
        note:
          pre.missing.length > 0
            ? `manifest names files missing from dist/: ${pre.missing.slice(0, 5).join(', ')}`
            : `the precache manifest injected into dist/sw.js, split as the worker splits it (planPrecache, src/sw/policy.ts): what a phone reading Vietnamese fetches at install, each file gzip -9. Deferred until first use, not counted: ${deferredText(pre.deferred)}.`,
      },
    ];
    return Promise.resolve(rows);
  },
};

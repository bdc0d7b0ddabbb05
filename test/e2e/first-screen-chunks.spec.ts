/**
 * The first screen must not pay for the reviewer area, Chart.js, English, zod, the criteria sets or
 * the strings of other screens: none of their modules may sit in the entry chunk or in any chunk it
 * imports statically. Reads the chunk graph the production build records (vite.config.ts,
 * chunkGraph); `npm test` builds before this runs.
 */
import { existsSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CHUNK_GRAPH_FILE } from '../../vite.config';
import { firstScreenChunks, firstScreenLeaks, readChunkGraph } from '../support/chunk-graph';

test("the first screen loads no reviewer, Chart.js, English, zod, criteria-set or other screens' string module", () => {
  expect(existsSync(CHUNK_GRAPH_FILE), `${CHUNK_GRAPH_FILE} is missing: run npm run build`).toBe(true);
  // The graph belongs to the build being tested, not to an older one.
  expect(Math.abs(statSync(CHUNK_GRAPH_FILE).mtimeMs - statSync('dist/index.html').mtimeMs)).toBeLessThan(10 * 60_000);
  const graph = readChunkGraph(CHUNK_GRAPH_FILE);
  const first = firstScreenChunks(graph);
  expect(first.length).toBeGreaterThan(0);
  // The build really has these modules, lazily: the check looks at a graph that contains them.
  const all = Object.values(graph.chunks).flatMap((c) => c.modules);
  expect(all.some((m) => m.startsWith('src/ui/reviewer/'))).toBe(true);
  expect(all.some((m) => m.includes('node_modules/chart.js/'))).toBe(true);
  expect(all.some((m) => m.startsWith('locales/en/'))).toBe(true);
  expect(all.some((m) => m.startsWith('data/criteria/'))).toBe(true);
  expect(all.some((m) => m.startsWith('src/ui/screens/Team/'))).toBe(true);
  expect(all.some((m) => m === 'locales/vi/sync.json')).toBe(true);
  expect(firstScreenLeaks(graph)).toEqual([]);
});

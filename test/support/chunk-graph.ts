/**
 * What the first screen downloads, from the chunk graph the app build records (vite.config.ts,
 * chunkGraph): the entry chunk and every chunk it imports statically, transitively. A dynamic
 * import() is where the first screen stops paying. `firstScreenLeaks` names every module of that
 * closure that must stay behind an import(): the reviewer area, Chart.js, English, zod, criteria sets,
 * the community team screens, the strings of screens other than home.
 */
import { readFileSync } from 'node:fs';

export interface ChunkInfo {
  isEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  /** Source modules, relative to the repository (node_modules/… for packages). */
  modules: string[];
}

export interface ChunkGraph {
  chunks: Record<string, ChunkInfo>;
}

/** Modules the first screen must not load, and why. */
export const FIRST_SCREEN_BANS: readonly { what: string; module: RegExp }[] = [
  { what: 'the reviewer area', module: /^src\/ui\/reviewer\/|^locales\/[a-z]{2,3}\/reviewer\.json$/ },
  { what: 'Chart.js', module: /(^|\/)node_modules\/(chart\.js|@kurkle\/color)\// },
  { what: 'English', module: /^locales\/en\/|^data\/catalogue\/[^/]+\/en\.json$/ },
  { what: 'zod', module: /(^|\/)node_modules\/zod\// },
  { what: 'criteria sets', module: /^data\/criteria\// },
  {
    what: 'the community team screens',
    module:
      /^src\/ui\/screens\/Team\/|^locales\/[a-z]{2,3}\/team\.json$|^data\/community\/|^src\/db\/(team-log|survey-responses)\.ts$|^src\/sync\/team-outbox\.ts$/,
  },
  // Only what the home screen renders; other screens load their strings with them (src/i18n/screen-strings.ts).
  { what: "other screens' strings", module: /^locales\/vi\/(?!(?:common|home|sync-state)\.json$)[^/]+\.json$/ },
];

export function readChunkGraph(file: string): ChunkGraph {
  return JSON.parse(readFileSync(file, 'utf8')) as ChunkGraph;
}

/** The entry chunks and their static-import closure. */
export function firstScreenChunks(graph: ChunkGraph): string[] {
  const seen = new Set<string>();
  const queue = Object.entries(graph.chunks)
    .filter(([, c]) => c.isEntry)
    .map(([name]) => name);
  while (queue.length > 0) {
    const name = queue.shift() as string;
    if (seen.has(name)) continue;
    seen.add(name);
    queue.push(...(graph.chunks[name]?.imports ?? []));
  }
  return [...seen];
}

/** "chunk: module (what)" for every banned module the first screen would load; [] when clean. */
export function firstScreenLeaks(graph: ChunkGraph): string[] {
  const leaks: string[] = [];
  for (const name of firstScreenChunks(graph)) {
    for (const m of graph.chunks[name]?.modules ?? []) {
      const ban = FIRST_SCREEN_BANS.find((b) => b.module.test(m));
      if (ban) leaks.push(`${name}: ${m} (${ban.what})`);
    }
  }
  return leaks;
}

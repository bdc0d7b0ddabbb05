// The first-screen check itself, on small graphs: it must see a banned module however it arrives.
import { describe, expect, it } from 'vitest';
import { firstScreenChunks, firstScreenLeaks, type ChunkGraph, type ChunkInfo } from './chunk-graph';

const chunk = (modules: string[], imports: string[] = [], dynamicImports: string[] = [], isEntry = false): ChunkInfo => ({
  isEntry,
  imports,
  dynamicImports,
  modules,
});

function graph(extra: Record<string, ChunkInfo>): ChunkGraph {
  return {
    chunks: {
      'assets/index.js': chunk(
        ['src/main.tsx', 'src/ui/App/index.tsx'],
        ['assets/shared.js'],
        ['assets/reviewer/index.js', 'assets/charts.js'],
        true,
      ),
      'assets/shared.js': chunk(['node_modules/preact/dist/preact.module.js', 'src/domain/vocabulary.ts']),
      'assets/reviewer/index.js': chunk(['src/ui/reviewer/index.ts', 'locales/vi/reviewer.json']),
      'assets/charts.js': chunk(['src/ui/charts/radar.ts', 'node_modules/chart.js/dist/chart.js']),
      'assets/lang/en/common.js': chunk(['locales/en/common.json']),
      ...extra,
    },
  };
}

describe('first-screen chunk check', () => {
  it('follows static imports only: what import() loads is not the first screen', () => {
    expect(firstScreenChunks(graph({})).sort()).toEqual(['assets/index.js', 'assets/shared.js']);
    expect(firstScreenLeaks(graph({}))).toEqual([]);
  });

  it('names a reviewer module, Chart.js, English, zod or the strings of a screen but home, reached through a static import', () => {
    const g = graph({});
    g.chunks['assets/shared.js']!.imports.push('assets/leak.js');
    g.chunks['assets/leak.js'] = chunk([
      'src/ui/reviewer/routes.ts',
      'node_modules/chart.js/dist/chart.js',
      'locales/en/summary.json',
      'data/catalogue/2026.1/en.json',
      'node_modules/zod/v4/classic/schemas.js',
      'locales/vi/summary.json',
      'locales/vi/common.json',
      'locales/vi/home.json',
      'locales/vi/sync-state.json',
    ]);
    expect(firstScreenLeaks(g)).toEqual([
      'assets/leak.js: src/ui/reviewer/routes.ts (the reviewer area)',
      'assets/leak.js: node_modules/chart.js/dist/chart.js (Chart.js)',
      'assets/leak.js: locales/en/summary.json (English)',
      'assets/leak.js: data/catalogue/2026.1/en.json (English)',
      'assets/leak.js: node_modules/zod/v4/classic/schemas.js (zod)',
      "assets/leak.js: locales/vi/summary.json (other screens' strings)",
    ]);
  });

  it('sees a banned module bundled into the entry chunk itself', () => {
    const g = graph({});
    g.chunks['assets/index.js']!.modules.push('locales/vi/reviewer.json');
    expect(firstScreenLeaks(g)).toEqual(['assets/index.js: locales/vi/reviewer.json (the reviewer area)']);
  });
});

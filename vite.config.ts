// Build of the phone app (PWA). The service worker (src/sw/sw.ts) is compiled by vite-plugin-pwa
// in "injectManifest" mode: we write the worker ourselves; the plugin only injects the list of
// built files into it. Registration is ours too (src/ui/App/sw-bridge.ts, workbox-window).
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { VitePWA } from 'vite-plugin-pwa';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * A chunk that holds only one non-Vietnamese language's labels (UI namespaces or the catalogue
 * translation). Such chunks are emitted under assets/lang/<lang>/ so the service worker can tell
 * them apart: it precaches everything else and caches a language only once the user picks it.
 * Vietnamese chunks (e.g. the reviewer's strings) are precached like any other chunk.
 */
const LANG_MODULE = /[\\/](?:locales[\\/]([a-z]{2,3})[\\/][^\\/]+|data[\\/]catalogue[\\/][^\\/]+[\\/]([a-z]{2,3}))\.json$/;

/**
 * The reviewer area (src/ui/reviewer and its strings) goes under assets/reviewer/: reviewers work
 * online on office PCs, so phones must not download it when the service worker installs.
 */
const REVIEWER_MODULE = /[\\/](?:src[\\/]ui[\\/]reviewer[\\/]|locales[\\/][a-z]{2,3}[\\/]reviewer\.json$)/;

/**
 * Code that runs only while the phone reaches the server: the evidence uploader's tus client
 * (tus-js-client, ~16 KB gzip) goes under assets/online/, fetched from the server on the first
 * upload instead of at install (an upload needs the server anyway), then kept by the worker.
 */
const ONLINE_MODULE = /[\\/](?:node_modules[\\/]tus-js-client[\\/]|src[\\/]sync[\\/]tus-transfer\.ts$)/;

/**
 * A community team phone's code (issue #15: its screens, their strings, the community data files,
 * the team outbox) goes under assets/team/: an officer's phone never runs it, so it is not fetched
 * at install. A team phone enrolls online and opens these screens at once, which caches them
 * (the worker keeps an area once used, and fetches it again on update).
 */
const TEAM_MODULE =
  /[\\/](?:src[\\/]ui[\\/]screens[\\/]Team[\\/]|locales[\\/]vi[\\/]team\.json$|data[\\/]community[\\/]|src[\\/]sync[\\/]team-(?:outbox|kick|survey)\.ts$|src[\\/]domain[\\/]community[\\/]schemas\.ts$|src[\\/]db[\\/](?:team-log|survey-responses)\.ts$)/;

function isTeamOnly(moduleIds: readonly string[]): boolean {
  return moduleIds.length > 0 && moduleIds.every((id) => TEAM_MODULE.test(id));
}

/** The tus client with its own dependencies (and bundler helpers), and nothing of the app's. */
function isOnlineOnly(moduleIds: readonly string[]): boolean {
  return (
    moduleIds.some((id) => ONLINE_MODULE.test(id)) &&
    moduleIds.every((id) => ONLINE_MODULE.test(id) || /[\\/]node_modules[\\/]/.test(id) || id.startsWith('\0'))
  );
}

function isReviewerOnly(moduleIds: readonly string[]): boolean {
  return moduleIds.length > 0 && moduleIds.every((id) => REVIEWER_MODULE.test(id));
}

function langOf(moduleIds: readonly string[]): string | undefined {
  const langs = new Set(moduleIds.map((id) => LANG_MODULE.exec(id)).map((m) => m && (m[1] ?? m[2])));
  if (langs.size !== 1) return undefined;
  const [lang] = langs;
  return lang && lang !== 'vi' ? lang : undefined;
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every text file of the build, so that the server
 * (src/server/static.ts) sends compressed files without compressing them at run time: brotli at
 * its best quality is too slow to do per request. The server checks each twin against its file.
 * The service worker, written by vite-plugin-pwa after this runs, is compressed by the server.
 */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'xaso-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      // The same rules the server uses, so that a twin exists exactly where it is wanted.
      const { compress, isCompressible } = await import('./src/server/static-cache');
      const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter(
        (f) => f.isFile() && isCompressible(f.name),
      );
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(f.parentPath, f.name);
          const data = await readFile(file);
          for (const [coding, ext] of [
            ['br', '.br'],
            ['gzip', '.gz'],
          ] as const) {
            const packed = await compress(coding, data, true);
            if (packed.byteLength < data.byteLength) await writeFile(file + ext, packed);
          }
        }),
      );
    },
  };
}

/**
 * Puts the first screen's CSS into index.html as a <style> element instead of a render-blocking
 * <link>: on Slow 4G that stylesheet request is a round trip (often a new connection) before the
 * first paint. The server allows exactly that text by its hash in the CSP (src/server/inline-styles.ts).
 * Taken out of the entry chunk's CSS before Vite writes the page and the preload lists of dynamic
 * imports, so no lazy chunk asks for the file again (a <link> added after a screen's own CSS would
 * also reorder the cascade); the file itself is not emitted.
 */
function inlineFirstScreenCss(): Plugin {
  let css = '';
  return {
    name: 'xaso-inline-first-screen-css',
    apply: 'build',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        css = '';
        const entry = Object.values(bundle).find((out) => out.type === 'chunk' && out.isEntry);
        if (!entry || entry.type !== 'chunk' || !('index.html' in bundle || entry.facadeModuleId?.endsWith('index.html'))) return;
        const files = entry.viteMetadata?.importedCss;
        if (!files) return;
        for (const file of files) {
          const asset = bundle[file];
          if (asset?.type !== 'asset') continue;
          // Less Vite's trailing marker comment; '</style' would end the element early.
          css += String(asset.source)
            .replace(/\/\*\$vite\$:\d+\*\/\s*$/, '')
            .trim();
          if (/<\/style/i.test(css)) this.error(`${file} cannot be inlined: it contains </style`);
          delete bundle[file];
          files.delete(file);
        }
      },
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!css) return html;
        if (/<link rel="stylesheet"/.test(html)) throw new Error('index.html still links a stylesheet');
        return html.replace('</head>', `<style>${css}</style></head>`);
      },
    },
  };
}

/** Where the build records its chunk graph, for the first-screen test (test/e2e/first-screen-chunks.spec.ts). */
export const CHUNK_GRAPH_FILE = '.tmp/build/chunk-graph.json';

/**
 * Records, for every JavaScript chunk of the app build, the source modules it holds and the chunks
 * it imports statically and dynamically (paths relative to the repository). The minified output no
 * longer says which module went where; this does, so a test can prove that the reviewer area,
 * Chart.js and English never reach the first screen. Outside dist/: it is not served or precached.
 */
function chunkGraph(): Plugin {
  let root = process.cwd();
  return {
    name: 'xaso-chunk-graph',
    apply: 'build',
    configResolved(config) {
      root = config.root;
    },
    async writeBundle(_options, bundle) {
      if (!('index.html' in bundle)) return; // another build (the service worker's), not the app's
      const chunks: Record<string, { isEntry: boolean; imports: string[]; dynamicImports: string[]; modules: string[] }> = {};
      for (const out of Object.values(bundle)) {
        if (out.type !== 'chunk') continue;
        chunks[out.fileName] = {
          isEntry: out.isEntry,
          imports: out.imports,
          dynamicImports: out.dynamicImports,
          modules: out.moduleIds.map((id) => path.relative(root, id.replace(/^\0/, '')).split(path.sep).join('/')),
        };
      }
      const file = path.resolve(root, CHUNK_GRAPH_FILE);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ chunks }, null, 1));
    },
  };
}

export default defineConfig({
  // Relative base: the same build works from the server's root or from a sub-path.
  base: './',
  define: {
    __APP_VERSION__: JSON.stringify(pkg.version),
  },
  build: {
    target: 'es2020',
    outDir: 'dist',
    rolldownOptions: {
      output: {
        // Everything the entry imports statically goes into ONE chunk beside it, instead of ten
        // small shared chunks: on Slow 4G every extra request in the first screen's chain costs a
        // round trip (or a new connection). Lazy screens import from it; nothing lazy joins it.
        codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
        chunkFileNames: (chunk) => {
          const lang = langOf(chunk.moduleIds);
          if (lang) return `assets/lang/${lang}/[name]-[hash].js`;
          if (isOnlineOnly(chunk.moduleIds)) return 'assets/online/[name]-[hash].js';
          if (isTeamOnly(chunk.moduleIds)) return 'assets/team/[name]-[hash].js';
          return isReviewerOnly(chunk.moduleIds) ? 'assets/reviewer/[name]-[hash].js' : 'assets/[name]-[hash].js';
        },
        assetFileNames: (asset) =>
          asset.names.some((n) => /^reviewer.*\.css$/.test(n))
            ? 'assets/reviewer/[name]-[hash][extname]'
            : asset.names.some((n) => /^Team.*\.css$/.test(n))
              ? 'assets/team/[name]-[hash][extname]'
              : 'assets/[name]-[hash][extname]',
      },
    },
  },
  plugins: [
    preact({ prerender: { enabled: false }, reactAliasesEnabled: false }),
    inlineFirstScreenCss(),
    precompress(),
    chunkGraph(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      // The icons are matched by globPatterns already.
      includeManifestIcons: false,
      // No service worker in dev: stale caches while editing cost more than they save.
      devOptions: { enabled: false },
      manifest: {
        name: 'Xã số',
        short_name: 'Xã số',
        description: 'Tự đánh giá chuyển đổi số cấp xã — dùng được cả khi không có mạng',
        lang: 'vi',
        dir: 'ltr',
        start_url: './',
        scope: './',
        display: 'standalone',
        orientation: 'portrait',
        background_color: '#ffffff',
        theme_color: '#0b5d4b',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      injectManifest: {
        // Everything goes into the manifest, language chunks included; the worker itself
        // decides to defer assets/lang/** until first use (see src/sw/policy.ts).
        globPatterns: ['**/*.{js,css,html,svg,png,json,webmanifest}'],
        rollupFormat: 'iife',
        target: 'es2020',
      },
    }),
  ],
});

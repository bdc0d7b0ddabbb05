// One lint gate for every runtime; zero warnings allowed (npm run lint).
// Each folder gets the globals of the runtime it runs in, and the imports ARCHITECTURE.md's table
// allows it (the compiler enforces the libs: one tsconfig per runtime).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const NODE_PACKAGES = ['node:*', 'hono', 'hono/*', '@hono/*', 'kysely', 'better-sqlite3', 'pg', 'esbuild'];
const BROWSER_PACKAGES = ['dexie', 'preact', 'preact/*', 'i18next', 'chart.js', 'workbox-window'];

/** Relative import patterns of the sibling folders of a flat folder under src/ (e.g. "../ui", "../ui/**"). */
const siblings = (...names) => names.flatMap((n) => [`../${n}`, `../${n}/**`]);

/** One no-restricted-imports rule: packages and paths refused, with why. */
function onlyImports(message, packages, paths, extra = []) {
  return {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...(packages.length > 0 ? [{ group: packages, message }] : []),
          ...(paths.length > 0 ? [{ group: paths, message }] : []),
          ...extra,
        ],
      },
    ],
  };
}

// src/server is for Node only; the screens may take its schemas' TYPES (erased), never its code.
const SERVER_TYPES_ONLY = {
  group: ['**/server', '**/server/**'],
  allowTypeImports: true,
  message: 'src/ui may take types from src/server/schemas (import type); server code never reaches the browser.',
};
const ZOD_TYPES_ONLY = {
  group: ['zod', 'zod/*'],
  allowTypeImports: true,
  message: 'zod stays off the first screen: the screens import schemas through lazily loaded modules, types only here.',
};

export default tseslint.config(
  { ignores: ['dist/', 'dist-server/', '.tmp/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  // ---- globals: each runtime sees its own ----
  {
    files: ['src/ui/**', 'src/db/**', 'src/sync/**', 'src/data/**', 'src/i18n/**', 'src/main.tsx', 'src/env.d.ts'],
    languageOptions: { globals: globals.browser },
    // typescript-eslint turns no-undef off for TypeScript (the compiler checks names), so name the
    // other runtime's globals that a shared @types package could still let through.
    rules: { 'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname', '__filename', 'global'] },
  },
  { files: ['src/sw/**'], languageOptions: { globals: globals.serviceworker } },
  {
    files: ['src/server/**'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'sessionStorage',
        'indexedDB',
        'navigator',
        'location',
      ],
    },
  },
  // Tests run in Node and drive browsers (page scripts); config files run in Node.
  { files: ['test/**', '*.config.{js,ts}'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },
  // src/domain gets no environment globals at all: it runs on both sides.

  // ---- imports: ARCHITECTURE.md's table ----
  {
    // The domain layer is shared by phone and server: it must stay pure.
    files: ['src/domain/**'],
    rules: {
      ...onlyImports(
        'src/domain is pure: no DOM, storage, UI or Node imports; nothing from other layers.',
        [...BROWSER_PACKAGES, ...NODE_PACKAGES],
        siblings('db', 'ui', 'server', 'sync', 'sw', 'i18n', 'data'),
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'indexedDB', 'navigator', 'process'],
    },
  },
  {
    files: ['src/data/**'],
    rules: onlyImports(
      'src/data loads data files for the domain only.',
      [...BROWSER_PACKAGES, ...NODE_PACKAGES, 'zod'],
      siblings('db', 'ui', 'server', 'sync', 'sw', 'i18n'),
    ),
  },
  {
    files: ['src/db/**'],
    rules: onlyImports(
      'src/db is the store: it imports the domain and Dexie only.',
      ['preact', 'preact/*', 'i18next', 'chart.js', 'workbox-window', ...NODE_PACKAGES],
      siblings('ui', 'server', 'sync', 'sw', 'i18n'),
    ),
  },
  {
    files: ['src/sync/**'],
    rules: onlyImports(
      'src/sync imports the domain, the store and the data loaders only.',
      ['preact', 'preact/*', 'i18next', 'chart.js', 'workbox-window', ...NODE_PACKAGES],
      siblings('ui', 'server', 'sw', 'i18n'),
    ),
  },
  {
    files: ['src/i18n/**'],
    rules: onlyImports(
      'src/i18n imports i18next, Preact hooks, the settings store and the data loaders only.',
      ['chart.js', 'workbox-window', 'zod', ...NODE_PACKAGES],
      siblings('ui', 'server', 'sync', 'sw'),
    ),
  },
  {
    files: ['src/sw/**'],
    rules: onlyImports(
      'The service worker imports nothing but its own files.',
      [...BROWSER_PACKAGES, ...NODE_PACKAGES, 'zod'],
      siblings('domain', 'db', 'ui', 'server', 'sync', 'i18n', 'data'),
    ),
  },
  {
    files: ['src/server/**'],
    rules: onlyImports('src/server runs in Node: no browser packages, no phone code.', BROWSER_PACKAGES, [
      '**/ui',
      '**/ui/**',
      '**/sync',
      '**/sync/**',
      '**/sw',
      '**/sw/**',
      '**/i18n',
      '**/i18n/**',
    ]),
  },
  {
    files: ['src/ui/**', 'src/main.tsx'],
    ignores: ['src/ui/reviewer/**', 'src/ui/charts/**'],
    rules: onlyImports(
      'Node code never reaches the browser.',
      NODE_PACKAGES,
      [],
      [
        SERVER_TYPES_ONLY,
        ZOD_TYPES_ONLY,
        { group: ['chart.js'], message: 'Chart.js only in src/ui/charts, fetched with import() by the lazy chart hook.' },
        {
          group: ['**/reviewer', '**/reviewer/**'],
          message: 'The reviewer area is reached only through import() (src/ui/App), so the first screen never pays for it.',
        },
      ],
    ),
  },
  {
    files: ['src/ui/reviewer/**', 'src/ui/charts/**'],
    rules: onlyImports('Node code never reaches the browser.', NODE_PACKAGES, [], [SERVER_TYPES_ONLY, ZOD_TYPES_ONLY]),
  },
);

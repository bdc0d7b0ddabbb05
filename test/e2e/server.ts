/**
 * Starts the REAL server (src/server/main.ts) for the end-to-end tests, on a fresh SQLite
 * database: XASO_DATA_DIR is `.tmp/e2e-data-<pid>`, created empty here and removed on exit.
 * Folders left by an earlier run that was killed (its pid no longer alive) are removed first.
 * Playwright starts this through `webServer` (see playwright.config.ts) with PORT, HOST and
 * XASO_ADMIN_PASSWORD; `npm test` has built dist/ before, so nothing is built here.
 * Usage: node --import tsx test/e2e/server.ts
 */
import { processTempDir } from '../../src/server/process-temp-dir';

const dataDir = processTempDir('e2e-data-');

process.env.XASO_DATA_DIR = dataDir;
process.env.HOST ??= '127.0.0.1';
// Embedded SQLite, whatever the shell exports: the journeys test the default install.
delete process.env.DATABASE_URL;
delete process.env.XASO_PUBLIC_URL;

await import('../../src/server/main');

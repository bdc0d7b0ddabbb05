/**
 * The entry: reads the environment, opens and migrates the database, makes sure an admin exists,
 * listens, and shuts down gracefully on SIGTERM/SIGINT (finish requests, then close the database).
 * Production runs it bundled (`npm start`: node dist-server/main.js, built by build.ts); from the
 * sources: `node --import tsx src/server/main.ts`. With `backup FILE` or `restore FILE` as its
 * arguments it does that instead, with the same environment, and exits (see backup.ts).
 */
import fs from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import { ensureAdmin } from './auth/admin-bootstrap';
import { backup, restore } from './backup';
import { readConfig } from './config';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { StorageStartError } from './db/sqlite-integrity';
import { scheduleStaleUploadSweep } from './evidence/stale-uploads';

async function main(): Promise<void> {
  const config = readConfig();
  const { db, dialect, storage } = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db);

  const admin = await ensureAdmin(db, { password: config.adminPassword, now: new Date() });
  if (admin.action === 'created' && admin.generatedPassword) {
    // Printed once, on the first start only; set XASO_ADMIN_PASSWORD to choose or reset it.
    console.log(`[xaso] Created user "admin" with password: ${admin.generatedPassword}`);
  } else if (admin.action !== 'unchanged') {
    console.log(`[xaso] User "admin" ${admin.action} from XASO_ADMIN_PASSWORD`);
  }

  const staticDir = fs.existsSync(config.staticDir) ? config.staticDir : undefined;
  if (!staticDir) console.warn(`[xaso] ${config.staticDir} not found: serving the API only (run "npm run build")`);
  if (config.publicUrlGuessed) console.warn(`[xaso] XASO_PUBLIC_URL is not set: enrollment links use ${config.publicUrl}`);
  const { app } = createApp({
    db,
    dialect,
    storage,
    staticDir,
    publicUrl: config.publicUrl,
    trustedProxies: config.trustedProxies,
  });

  const stopSweep = scheduleStaleUploadSweep(db);

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    console.log(`[xaso] Listening on http://${info.address}:${info.port} (${dialect})`);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    stopSweep();
    console.log(`[xaso] ${signal}: closing`);
    // Stop accepting, let in-flight requests finish, then release the database.
    server.close(() => {
      void db.destroy().then(() => process.exit(0));
    });
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function operatorCommand(command: string, file: string | undefined): void {
  if (!file) throw new StorageStartError(`usage: node dist-server/main.js ${command} FILE`);
  const config = readConfig();
  if (command === 'backup') console.log(`[xaso] Backup written to ${backup(config, file)}`);
  else console.log(`[xaso] Restored ${file} into ${restore(config, file)}; start the server.`);
}

const [command, file] = process.argv.slice(2);
if (command === 'backup' || command === 'restore') {
  try {
    operatorCommand(command, file);
  } catch (error) {
    console.error(`[xaso] ${command} failed:`, error instanceof StorageStartError ? error.message : error);
    process.exit(1);
  }
} else {
  main().catch((error: unknown) => {
    // A refused database file is the operator's to fix: its message says how, a stack would not.
    console.error('[xaso] failed to start:', error instanceof StorageStartError ? error.message : error);
    process.exit(1);
  });
}

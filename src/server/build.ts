/**
 * Builds the server into one ES module, dist-server/main.js (npm run build; npm start runs it),
 * so that production runs plain node instead of `node --import tsx`: the tsx loader keeps a second
 * V8 isolate and every transpiled source in memory (about 40 MB of resident memory) and compiles
 * TypeScript at each start. Dependencies stay in node_modules (better-sqlite3 is native); data/,
 * dist/ and the database are found at run time as before (see reference-data.ts and config.ts).
 * The benchmark and fault harnesses build with the same function into their own folders.
 * CLI: node --import tsx src/server/build.ts [outfile]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { processTempDir } from './process-temp-dir';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER_BUNDLE = path.join(ROOT, 'dist-server', 'main.js');

export async function buildServer(outfile: string = SERVER_BUNDLE): Promise<string> {
  await build({
    entryPoints: [path.join(ROOT, 'src/server/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    // Stack traces of logged 5xx errors point at the sources with `node --enable-source-maps`.
    sourcemap: true,
    logLevel: 'warning',
  });
  return outfile;
}

const throwaway = new Map<string, Promise<string>>();

/**
 * A bundle of the current sources for a test or bench harness, built once per process and
 * prefix into its own folder of .tmp/ (see process-temp-dir.ts), removed when the process exits.
 */
export function buildThrowawayServer(prefix: string): Promise<string> {
  let bundle = throwaway.get(prefix);
  if (!bundle) {
    bundle = buildServer(path.join(processTempDir(prefix, { unique: true }), 'main.js'));
    throwaway.set(prefix, bundle);
  }
  return bundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = await buildServer(process.argv[2] ? path.resolve(process.argv[2]) : undefined);
  console.log(`[xaso] server built: ${path.relative(process.cwd(), out)}`);
}

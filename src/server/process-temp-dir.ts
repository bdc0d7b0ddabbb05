/**
 * A folder of this process under <repository>/.tmp, removed when the process exits. Test runners
 * and killed runs may end a process without its exit handlers, so folders of the same prefix
 * whose process is gone are removed first. Used by the throwaway server bundles (build.ts) and
 * the end-to-end server's database (test/e2e/server.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TMP = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../.tmp');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * `.tmp/<prefix><pid>` (empty), or with `unique`, `.tmp/<prefix><pid>-<random>` so that several
 * workers of one process get a folder each.
 */
export function processTempDir(prefix: string, options: { unique?: boolean } = {}): string {
  fs.mkdirSync(TMP, { recursive: true });
  for (const name of fs.readdirSync(TMP)) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (name.startsWith(prefix) && Number.isInteger(pid) && pid !== process.pid && !alive(pid)) {
      fs.rmSync(path.join(TMP, name), { recursive: true, force: true });
    }
  }
  let dir: string;
  if (options.unique) {
    dir = fs.mkdtempSync(path.join(TMP, `${prefix}${process.pid}-`));
  } else {
    dir = path.join(TMP, `${prefix}${process.pid}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
  }
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

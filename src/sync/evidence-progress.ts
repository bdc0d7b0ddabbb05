/**
 * Bytes of each evidence file the server has acknowledged during the uploads running in this
 * tab, for the progress bars. Kept in memory, not in the file's IndexedDB row: that row holds the
 * file, and writing it after every chunk would write the whole file again each time
 * (evidence-queue.ts). The row keeps the last figure an attempt reached; this adds the live one.
 * No imports: the submit panel reads it without loading the uploader.
 */

type Listener = () => void;

const acknowledged = new Map<string, number>();
const listeners = new Set<Listener>();
/** Files being sent right now (at most one per tab: uploads run one after another). */
const active = new Set<string>();

function emit(): void {
  for (const listener of [...listeners]) listener();
}

export function setAcknowledged(sha256: string, bytes: number): void {
  if (acknowledged.get(sha256) === bytes) return;
  acknowledged.set(sha256, bytes);
  emit();
}

export function setUploading(sha256: string, on: boolean): void {
  if (on === active.has(sha256)) return;
  if (on) active.add(sha256);
  else active.delete(sha256);
  emit();
}

/** Live bytes acknowledged for a file in this tab, if an upload reached it. */
export function liveAcknowledged(sha256: string): number | undefined {
  return acknowledged.get(sha256);
}

export function isUploading(sha256: string): boolean {
  return active.has(sha256);
}

export function onUploadProgress(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

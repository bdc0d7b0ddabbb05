/**
 * Edit timestamps. An import keeps, per answer, the one with the newer `updatedAt`; so an edit
 * must always look newer than what it replaces, even if the phone's clock was moved back
 * (a dead battery resets cheap phones to 1970 or 2000). Hence "now, or 1 ms after the latest".
 */
export function nextTimestamp(after: readonly (string | undefined)[], now: Date = new Date()): string {
  let t = now.getTime();
  for (const iso of after) {
    const prev = iso === undefined ? NaN : Date.parse(iso);
    if (Number.isFinite(prev) && prev >= t) t = prev + 1;
  }
  return new Date(t).toISOString();
}

let lastEdit: string | undefined;

/**
 * An answer edit's timestamp: nextTimestamp, and also later than every edit this tab stamped
 * before. saveAnswer stamps an edit before its transaction runs (it writes without reading
 * first), so saves started together must not share a time: the later one must win an import.
 */
export function nextEditTimestamp(after: readonly (string | undefined)[], now: Date = new Date()): string {
  lastEdit = nextTimestamp([...after, lastEdit], now);
  return lastEdit;
}

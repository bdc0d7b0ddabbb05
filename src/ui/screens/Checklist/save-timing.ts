/**
 * The answer-save timing (issue #4): `performance.measure('xaso:save')` from the moment a card
 * handled the user's change to the moment the store's IndexedDB transaction committed. The
 * benchmark (test/bench) reads it; in the field it shows in DevTools' performance panel. It is
 * taken after the commit only, so it never adds work between the tap and the write.
 */
const NAME = 'xaso:save';
/** Measures stay in the page's timeline until cleared; a long session of typing makes many. */
const KEEP = 500;
let count = 0;

/**
 * When an event happened, on performance.now()'s clock: its own timestamp when usable (for a
 * tap, that also counts the time the event waited behind other work), else now.
 */
export function handledAt(eventTimeStamp?: number): number {
  const now = performance.now();
  return eventTimeStamp !== undefined && eventTimeStamp > 0 && eventTimeStamp <= now ? eventTimeStamp : now;
}

/**
 * Records one save, from `start` (see handledAt) to `end`: the commit when the store reported
 * it, else now. Never throws: timing is optional.
 */
export function measureSave(start: number, end = performance.now()): void {
  try {
    if (++count > KEEP) {
      performance.clearMeasures(NAME);
      count = 1;
    }
    performance.measure(NAME, { start, end: Math.max(start, end) });
  } catch {
    // A browser without User Timing Level 3 (measure options) simply records nothing.
  }
}

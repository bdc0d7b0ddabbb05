/**
 * Retry delays for the outbox. Exponential (2 s · 2^n) so a dead server or a phone out of signal
 * is not hammered, capped at 30 min so a submission still goes out the same day once a signal
 * returns, with "full jitter" (a uniform draw in [0, ceiling]) so that many phones coming back
 * online together after an outage do not retry in lockstep.
 */

export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_CAP_MS = 30 * 60_000;

/** The ceiling of the delay after `attempts` failures (attempts ≥ 1), before jitter. */
export function backoffCeiling(attempts: number): number {
  const n = Math.max(0, Math.floor(attempts) - 1);
  // 2^n overflows to Infinity for large n; the cap keeps the result finite.
  return Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** Math.min(n, 40));
}

/** Delay before the next attempt: uniform in [0, backoffCeiling(attempts)]. `random` returns [0, 1). */
export function backoffDelay(attempts: number, random: () => number = Math.random): number {
  const r = random();
  // A broken random source must not produce a negative, NaN or beyond-cap delay.
  const unit = Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 1;
  return Math.round(unit * backoffCeiling(attempts));
}

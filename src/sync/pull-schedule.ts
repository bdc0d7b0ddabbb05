/**
 * When to ask the server for something small that changes rarely (the province's criteria sets,
 * a team's survey): on every trigger but the timer's, from the timer at most every
 * `pullIntervalMs`, and after a failure not before its backoff delay has passed. One ask at a
 * time: runs overlap (a tick while the start's request is still on the air) and join it, so a
 * slow 2G answer is never asked for twice.
 */
import { backoffDelay } from './backoff';

const MIN_WAKE_MS = 1_000;

export interface PullScheduleOptions {
  /** Asks once; true when the server was reached and everything came down. */
  ask: () => Promise<boolean>;
  pullIntervalMs: number;
  random?: () => number;
  /**
   * `all`: a failure's backoff holds back every trigger, and a wake-up of its own retries when it
   * falls due. `timer`: start, `online`, visible and the SW ping always ask; only the timer waits.
   */
  backoff: 'all' | 'timer';
}

export interface PullSchedule {
  pull(fromTimer: boolean): Promise<void>;
  stop(): void;
}

export function pullSchedule(opts: PullScheduleOptions): PullSchedule {
  let failures = 0;
  let dueAt = -Infinity;
  let checkedAt = -Infinity;
  let wake: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;

  const askOnce = async (): Promise<void> => {
    if (await opts.ask()) {
      failures = 0;
      dueAt = -Infinity;
      checkedAt = Date.now();
      return;
    }
    const delay = Math.max(MIN_WAKE_MS, backoffDelay(++failures, opts.random));
    dueAt = Date.now() + delay;
    if (opts.backoff !== 'all' || stopped) return;
    clearTimeout(wake);
    // The wake-up asks without the due check: it may fire a millisecond before Date.now() reaches
    // dueAt (timers run on a monotonic clock, Date on the wall clock), and a due check there
    // would drop the retry until the next trigger, up to a minute later (CI saw it).
    wake = setTimeout(() => void start().catch(() => undefined), delay);
  };
  const start = (): Promise<void> => (inFlight ??= askOnce().finally(() => (inFlight = undefined)));

  return {
    pull(fromTimer) {
      if (inFlight) return inFlight;
      const now = Date.now();
      if (stopped) return Promise.resolve();
      const held = opts.backoff === 'all' || fromTimer ? now < dueAt : false;
      if (held || (fromTimer && now - checkedAt < opts.pullIntervalMs)) return Promise.resolve();
      return start();
    },
    stop() {
      stopped = true;
      clearTimeout(wake);
    },
  };
}

/**
 * pull-schedule: one ask at a time (overlapping triggers join it), the timer's pull interval, and
 * the two backoff policies (criteria sets: every trigger waits and a wake-up retries; a team's
 * survey: only the timer waits).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { pullSchedule, type PullSchedule } from '../../src/sync/pull-schedule';

function deferredAsks() {
  const pending: ((ok: boolean) => void)[] = [];
  return {
    count: () => pending.length,
    ask: () => new Promise<boolean>((resolve) => pending.push(resolve)),
    answer: (ok: boolean) => pending.at(-1)?.(ok),
  };
}

let schedule: PullSchedule | undefined;
afterEach(() => schedule?.stop());
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('pullSchedule', () => {
  it('asks once while an answer is on the air: every trigger, the timer’s too, joins it', async () => {
    const asks = deferredAsks();
    schedule = pullSchedule({ ask: asks.ask, pullIntervalMs: 60_000, backoff: 'all' });
    const joined = [schedule.pull(false), schedule.pull(true), schedule.pull(false)];
    await flush();
    expect(asks.count()).toBe(1);
    asks.answer(true);
    await Promise.all(joined);
    // Checked just now: the timer waits for the interval; any other trigger asks again.
    await schedule.pull(true);
    expect(asks.count()).toBe(1);
    const again = schedule.pull(false);
    await flush();
    expect(asks.count()).toBe(2);
    asks.answer(true);
    await again;
  });

  it('backoff "all": after a failure no trigger asks before its delay, and the wake-up retries by itself', async () => {
    const asks = deferredAsks();
    schedule = pullSchedule({ ask: asks.ask, pullIntervalMs: 60_000, backoff: 'all', random: () => 0 });
    const first = schedule.pull(false);
    await flush();
    asks.answer(false);
    await first;
    await schedule.pull(false);
    await schedule.pull(true);
    expect(asks.count()).toBe(1);
    // random 0: the shortest wake-up, 1 s.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(asks.count()).toBe(2);
    asks.answer(true);
  });

  it('backoff "timer": after a failure start, online and visible still ask; the timer waits', async () => {
    const asks = deferredAsks();
    schedule = pullSchedule({ ask: asks.ask, pullIntervalMs: 60_000, backoff: 'timer', random: () => 0.99 });
    const first = schedule.pull(false);
    await flush();
    asks.answer(false);
    await first;
    await schedule.pull(true);
    expect(asks.count()).toBe(1);
    const second = schedule.pull(false);
    await flush();
    expect(asks.count()).toBe(2);
    asks.answer(true);
    await second;
    // No wake-up of its own.
    await new Promise((r) => setTimeout(r, 1_100));
    expect(asks.count()).toBe(2);
  });

  it('asks nothing once stopped', async () => {
    const asks = deferredAsks();
    schedule = pullSchedule({ ask: asks.ask, pullIntervalMs: 60_000, backoff: 'all' });
    schedule.stop();
    await schedule.pull(false);
    expect(asks.count()).toBe(0);
  });
});

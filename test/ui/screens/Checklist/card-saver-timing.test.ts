/**
 * The tap-to-commit path of a card (issue #4): the store is called before the card reports
 * "saving" (so its IndexedDB transaction is queued before the card's re-render), and every
 * committed save is recorded as performance.measure('xaso:save') from when its change was handled.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../../../src/domain/types';
import { CardSaver } from '../../../../src/ui/screens/Checklist/card-saver';
import type { AnswerPatch, Draft } from '../../../../src/ui/screens/Checklist/card-saver';
import { handledAt, measureSave } from '../../../../src/ui/screens/Checklist/save-timing';

interface Call {
  patch: AnswerPatch;
  resolve: (a: Answer) => void;
  reject: (e: unknown) => void;
}

function harness(save?: (patch: AnswerPatch, onCommit: (committedAt: number) => void) => Promise<Answer>) {
  const log: string[] = [];
  const calls: Call[] = [];
  const saver = new CardSaver({
    save:
      save ??
      ((patch) => {
        log.push('store');
        return new Promise<Answer>((resolve, reject) => calls.push({ patch, resolve, reject }));
      }),
    onState: (s) => log.push(s.kind),
    onSaved: () => log.push('onSaved'),
    fields: { naReason: true, openName: true },
  });
  return { saver, calls, log };
}

const draft = (d: Partial<Draft> = {}): Draft => ({ status: null, note: '', naReason: '', openName: '', ...d });
const answer: Answer = { code: 'HTS7', status: 2, updatedAt: '2026-01-01T00:00:00.000Z' };
const flushPromises = () => new Promise((r) => setImmediate(r));
const measures = () => performance.getEntriesByName('xaso:save');

beforeEach(() => performance.clearMeasures('xaso:save'));
afterEach(() => performance.clearMeasures('xaso:save'));

describe('order of work on a tap', () => {
  it('calls the store before reporting "saving", for a status and for typed text', () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 1 }));
    expect(h.log).toEqual(['store', 'saving']);
    const t = harness();
    t.saver.saveTyped(draft({ note: 'a' }));
    expect(t.log).toEqual(['store', 'saving']);
  });

  it('a store that throws at once ends as an error state, like a rejected save', async () => {
    const h = harness(() => {
      throw new Error('closed');
    });
    await h.saver.saveNow(draft({ status: 1 }));
    await flushPromises();
    expect(h.log).toEqual(['saving', 'error']);
  });
});

describe('performance.measure("xaso:save")', () => {
  it('records a committed save from the moment its change was handled, and nothing before the commit', async () => {
    const h = harness();
    const at = performance.now() - 5;
    void h.saver.saveNow(draft({ status: 2 }), at);
    await flushPromises();
    expect(measures()).toHaveLength(0);
    h.calls[0]?.resolve(answer);
    await flushPromises();
    const [m] = measures();
    expect(m?.startTime).toBeCloseTo(at, 3);
    expect(m?.duration).toBeGreaterThanOrEqual(5);
    // Measured before the re-render of progress (onSaved): it ends at the commit.
    expect(h.log).toEqual(['store', 'saving', 'onSaved', 'saved']);
  });

  it('ends at the commit the store reported, not when its promise settled', async () => {
    let resolve: ((a: Answer) => void) | undefined;
    let report: ((t: number) => void) | undefined;
    const h = harness((_patch, onCommit) => {
      report = onCommit;
      return new Promise<Answer>((r) => (resolve = r));
    });
    const at = performance.now();
    void h.saver.saveNow(draft({ status: 1 }), at);
    const committed = performance.now();
    await new Promise((r) => setTimeout(r, 30)); // other work between the commit and the promise
    report?.(committed);
    resolve?.(answer);
    await flushPromises();
    const [m] = measures();
    expect(m?.startTime).toBeCloseTo(at, 3);
    expect((m?.startTime ?? 0) + (m?.duration ?? 0)).toBeCloseTo(committed, 3);
  });

  it('records nothing for a failed save', async () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 2 }));
    h.calls[0]?.reject(new Error('quota'));
    await flushPromises();
    expect(measures()).toHaveLength(0);
  });

  it('times coalesced typing from its oldest unsaved keystroke', async () => {
    const h = harness();
    const t0 = performance.now() - 50;
    h.saver.saveTyped(draft({ note: 'a' }), t0);
    h.saver.saveTyped(draft({ note: 'ab' }), t0 + 10); // waits behind the first save
    h.saver.saveTyped(draft({ note: 'abc' }), t0 + 20);
    h.calls[0]?.resolve(answer);
    await flushPromises();
    h.calls[1]?.resolve(answer);
    await flushPromises();
    expect(measures().map((m) => m.startTime - t0)).toEqual([0, 10]);
  });

  it('uses an event timestamp when it is on the performance.now() clock, else now', () => {
    const now = performance.now();
    expect(handledAt(now - 3)).toBe(now - 3);
    for (const bad of [undefined, 0, -1, now + 60_000, Date.now()]) {
      const got = handledAt(bad);
      expect(got).toBeGreaterThanOrEqual(now);
      expect(got).toBeLessThan(now + 1_000);
    }
  });

  it('keeps the timeline bounded over a long session', () => {
    for (let i = 0; i < 1_200; i++) measureSave(performance.now());
    expect(measures().length).toBeGreaterThan(0);
    expect(measures().length).toBeLessThanOrEqual(500);
  });
});

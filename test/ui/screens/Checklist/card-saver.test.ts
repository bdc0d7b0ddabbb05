import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../../../src/domain/types';
import { CardSaver, draftFromAnswer, patchFromDraft } from '../../../../src/ui/screens/Checklist/card-saver';
import type { AnswerPatch, Draft, SaveState } from '../../../../src/ui/screens/Checklist/card-saver';

interface Call {
  patch: AnswerPatch;
  stored: Answer | undefined;
  resolve: (a: Answer) => void;
  reject: (e: unknown) => void;
}

function harness(fields = { naReason: true, openName: true }, stored?: Answer) {
  const calls: Call[] = [];
  const states: SaveState['kind'][] = [];
  const saved: Answer[] = [];
  const saver = new CardSaver({
    save: (patch, _onCommit, base) =>
      new Promise<Answer>((resolve, reject) => calls.push({ patch, stored: base, resolve, reject })),
    onState: (s) => states.push(s.kind),
    onSaved: (a) => saved.push(a),
    fields,
    stored,
  });
  return { saver, calls, states, saved };
}

const draft = (d: Partial<Draft> = {}): Draft => ({ status: null, note: '', naReason: '', openName: '', ...d });
const answer = (code = 'HTS7'): Answer => ({ code, status: 2, updatedAt: '2026-01-01T00:00:00.000Z' });
const flushPromises = () => new Promise((r) => setImmediate(r));

// Fake timers prove that no save waits on a timer: time never moves in these tests.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

describe('draft and patch', () => {
  it('starts from the stored answer, or empty', () => {
    expect(draftFromAnswer(undefined)).toEqual(draft());
    expect(draftFromAnswer({ code: 'X1', status: 'na', naReason: 'r', updatedAt: '' })).toEqual(
      draft({ status: 'na', naReason: 'r' }),
    );
  });

  // Issue #8 item 4: text is made NFC once, by the store (test/db/answers.test.ts); the card
  // used to normalise it too.
  it('sends the whole draft as typed, without a status while unanswered, and only the fields the item has', () => {
    const d = draft({ note: 'Ghi chú '.normalize('NFD'), naReason: 'x', openName: 'y' });
    expect(patchFromDraft(d, { naReason: false, openName: false })).toEqual({ note: 'Ghi chú '.normalize('NFD') });
    expect(patchFromDraft({ ...d, status: 0 }, { naReason: true, openName: true })).toEqual({
      status: 0,
      note: 'Ghi chú '.normalize('NFD'),
      naReason: 'x',
      openName: 'y',
    });
  });
});

describe('CardSaver', () => {
  it('saves a status at once and says "saved" only after the store resolved', async () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 2 }));
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]?.patch.status).toBe(2);
    expect(h.states).toEqual(['saving']);
    h.calls[0]?.resolve(answer());
    await flushPromises();
    expect(h.states).toEqual(['saving', 'saved']);
    expect(h.saved).toHaveLength(1);
  });

  it('writes typed text at once when nothing is in flight (no pause to lose on a crash)', () => {
    const h = harness();
    h.saver.saveTyped(draft({ note: 'a' }));
    expect(h.calls.map((c) => c.patch.note)).toEqual(['a']);
    expect(h.states).toEqual(['saving']);
  });

  it('while a save is in flight, keeps only the newest typed draft and sends it when that save settles', async () => {
    const h = harness();
    h.saver.saveTyped(draft({ note: 'a' }));
    h.saver.saveTyped(draft({ note: 'ab' }));
    h.saver.saveTyped(draft({ note: 'abc' }));
    expect(h.calls.map((c) => c.patch.note)).toEqual(['a']);
    expect(h.saver.hasWaiting).toBe(true);
    expect(h.states.at(-1)).toBe('pending');
    h.calls[0]?.resolve(answer());
    await flushPromises();
    expect(h.calls.map((c) => c.patch.note)).toEqual(['a', 'abc']);
    expect(h.states.at(-1)).toBe('saving');
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.calls).toHaveLength(2);
    expect(h.states.at(-1)).toBe('saved');
  });

  it('sends the waiting text even when the save in flight failed', async () => {
    const h = harness();
    h.saver.saveTyped(draft({ note: 'a' }));
    h.saver.saveTyped(draft({ note: 'ab' }));
    h.calls[0]?.reject(new Error('busy'));
    await flushPromises();
    expect(h.calls.map((c) => c.patch.note)).toEqual(['a', 'ab']);
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.states.at(-1)).toBe('saved');
  });

  it('sends waiting text at once on flush (blur, page hidden)', () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 1 }));
    h.saver.saveTyped(draft({ status: 1, note: 'x' }));
    expect(h.saver.hasWaiting).toBe(true);
    void h.saver.flush();
    expect(h.calls).toHaveLength(2);
    expect(h.saver.hasWaiting).toBe(false);
    void h.saver.flush(); // nothing waiting: no call
    expect(h.calls).toHaveLength(2);
  });

  it('a status change carries the text typed so far and supersedes the waiting save', async () => {
    const h = harness();
    h.saver.saveTyped(draft({ note: 't' }));
    h.saver.saveTyped(draft({ note: 'typed' }));
    void h.saver.saveNow(draft({ note: 'typed', status: 3 }));
    h.calls[0]?.resolve(answer());
    await flushPromises();
    expect(h.calls.map((c) => c.patch)).toEqual([
      { note: 't', naReason: '', openName: '' },
      { status: 3, note: 'typed', naReason: '', openName: '' },
    ]);
  });

  it('shows an error when the latest save fails, and recovers on retry', async () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 1 }));
    h.calls[0]?.reject(new Error('quota'));
    await flushPromises();
    expect(h.states.at(-1)).toBe('error');
    void h.saver.saveNow(draft({ status: 1 }));
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.states.at(-1)).toBe('saved');
  });

  it('reports the outcome of the latest save, not of an older one', async () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 1 }));
    void h.saver.saveNow(draft({ status: 2 }));
    h.calls[0]?.reject(new Error('old'));
    await flushPromises();
    expect(h.states).toEqual(['saving', 'saving']);
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.states).toEqual(['saving', 'saving', 'saved']);
  });

  it('does not claim "saved" while newer text is still waiting', async () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 1 }));
    h.saver.saveTyped(draft({ status: 1, note: 'more' }));
    expect(h.states).toEqual(['saving', 'pending']);
    h.calls[0]?.resolve(answer());
    await flushPromises();
    expect(h.states).toEqual(['saving', 'pending', 'saving']);
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.states.at(-1)).toBe('saved');
  });

  it('on dispose sends what is waiting and reports nothing more', async () => {
    const h = harness();
    void h.saver.saveNow(draft({ status: 2 }));
    h.saver.saveTyped(draft({ status: 2, note: 'last words' }));
    h.saver.dispose();
    expect(h.calls.map((c) => c.patch.note)).toEqual(['', 'last words']);
    h.calls[0]?.resolve(answer());
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.states).toEqual(['saving', 'pending', 'saving']);
    expect(h.saved).toEqual([]);
  });

  it('hands the store the answer it last saw stored, so the store can write without reading first', async () => {
    const mounted = answer();
    const h = harness(undefined, mounted);
    void h.saver.saveNow(draft({ status: 3 }));
    expect(h.calls[0]?.stored).toBe(mounted);
    const first = { ...answer(), status: 3 as const, updatedAt: '2026-01-02T00:00:00.000Z' };
    h.calls[0]?.resolve(first);
    await flushPromises();
    void h.saver.saveNow(draft({ status: 1 }));
    expect(h.calls[1]?.stored).toBe(first);
    h.calls[1]?.reject(new Error('full'));
    await flushPromises();
    // A failed save stored nothing: the base stays the last answer that was stored.
    void h.saver.saveNow(draft({ status: 1 }));
    expect(h.calls[2]?.stored).toBe(first);
    h.calls[2]?.resolve(answer());
    await flushPromises();
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Answer } from '../../../../src/domain/types';
import { CardSaver, DEBOUNCE_MS, draftFromAnswer, patchFromDraft } from '../../../../src/ui/screens/Checklist/card-saver';
import type { AnswerPatch, Draft, SaveState } from '../../../../src/ui/screens/Checklist/card-saver';

interface Call {
  patch: AnswerPatch;
  resolve: (a: Answer) => void;
  reject: (e: unknown) => void;
}

function harness(fields = { naReason: true, openName: true }) {
  const calls: Call[] = [];
  const states: SaveState['kind'][] = [];
  const saved: Answer[] = [];
  const saver = new CardSaver({
    save: (patch) => new Promise<Answer>((resolve, reject) => calls.push({ patch, resolve, reject })),
    onState: (s) => states.push(s.kind),
    onSaved: (a) => saved.push(a),
    fields,
  });
  return { saver, calls, states, saved };
}

const draft = (d: Partial<Draft> = {}): Draft => ({ status: null, note: '', naReason: '', openName: '', ...d });
const answer = (code = 'HTS7'): Answer => ({ code, status: 2, updatedAt: '2026-01-01T00:00:00.000Z' });
const flushPromises = () => new Promise((r) => setImmediate(r));

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('draft and patch', () => {
  it('starts from the stored answer, or empty', () => {
    expect(draftFromAnswer(undefined)).toEqual(draft());
    expect(draftFromAnswer({ code: 'X1', status: 'na', naReason: 'r', updatedAt: '' })).toEqual(draft({ status: 'na', naReason: 'r' }));
  });

  it('sends the whole draft, NFC, without a status while unanswered, and only the fields the item has', () => {
    const d = draft({ note: 'Ghi chú'.normalize('NFD'), naReason: 'x', openName: 'y' });
    expect(patchFromDraft(d, { naReason: false, openName: false })).toEqual({ note: 'Ghi chú' });
    expect(patchFromDraft({ ...d, status: 0 }, { naReason: true, openName: true })).toEqual({
      status: 0,
      note: 'Ghi chú',
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

  it('waits for a pause in typing, then sends the latest text once', async () => {
    const h = harness();
    h.saver.saveLater(draft({ note: 'a' }));
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    h.saver.saveLater(draft({ note: 'ab' }));
    vi.advanceTimersByTime(DEBOUNCE_MS - 1);
    expect(h.calls).toHaveLength(0);
    expect(h.states).toEqual(['pending', 'pending']);
    vi.advanceTimersByTime(1);
    expect(h.calls.map((c) => c.patch.note)).toEqual(['ab']);
  });

  it('sends waiting text at once on flush (blur, page hidden)', () => {
    const h = harness();
    h.saver.saveLater(draft({ note: 'x' }));
    expect(h.saver.hasWaiting).toBe(true);
    void h.saver.flush();
    expect(h.calls).toHaveLength(1);
    expect(h.saver.hasWaiting).toBe(false);
    vi.advanceTimersByTime(DEBOUNCE_MS * 2);
    expect(h.calls).toHaveLength(1);
    void h.saver.flush(); // nothing waiting: no call
    expect(h.calls).toHaveLength(1);
  });

  it('a status change carries the text typed so far and cancels the waiting save', () => {
    const h = harness();
    h.saver.saveLater(draft({ note: 'typed' }));
    void h.saver.saveNow(draft({ note: 'typed', status: 3 }));
    vi.advanceTimersByTime(DEBOUNCE_MS * 2);
    expect(h.calls.map((c) => c.patch)).toEqual([{ status: 3, note: 'typed', naReason: '', openName: '' }]);
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
    h.saver.saveLater(draft({ status: 1, note: 'more' }));
    h.calls[0]?.resolve(answer());
    await flushPromises();
    expect(h.states).toEqual(['saving', 'pending']);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    h.calls[1]?.resolve(answer());
    await flushPromises();
    expect(h.states.at(-1)).toBe('saved');
  });

  it('on dispose sends what is waiting and reports nothing more', async () => {
    const h = harness();
    h.saver.saveLater(draft({ note: 'last words' }));
    h.saver.dispose();
    expect(h.calls.map((c) => c.patch.note)).toEqual(['last words']);
    h.calls[0]?.resolve(answer());
    await flushPromises();
    expect(h.states).toEqual(['pending', 'saving']);
    expect(h.saved).toEqual([]);
  });
});

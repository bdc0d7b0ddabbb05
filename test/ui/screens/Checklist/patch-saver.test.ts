/** An indicator card's saves: one in flight, the newest waiting, "saved" only after the commit, a failure kept for retry. */
import { describe, expect, it } from 'vitest';
import type { AnswerPatch } from '../../../../src/db';
import type { Answer } from '../../../../src/domain/types';
import type { SaveState } from '../../../../src/ui/screens/Checklist/card-saver';
import { PatchSaver } from '../../../../src/ui/screens/Checklist/patch-saver';

function harness() {
  const calls: { patch: AnswerPatch; stored: Answer | undefined; resolve: (a: Answer) => void; reject: (e: unknown) => void }[] =
    [];
  const states: SaveState['kind'][] = [];
  const saved: Answer[] = [];
  const saver = new PatchSaver({
    save: (patch, stored) =>
      new Promise<Answer>((resolve, reject) => {
        calls.push({ patch, stored, resolve, reject });
      }),
    onState: (s) => states.push(s.kind),
    onSaved: (a) => saved.push(a),
  });
  return { saver, calls, states, saved };
}
const answer = (n: number): Answer => ({
  code: 'NT1',
  status: null,
  value: { kind: 'number', value: n },
  updatedAt: `2026-01-01T00:00:0${n}.000Z`,
});
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('PatchSaver', () => {
  it('says "saved" only once the store resolved, and sends only the newest of the patches made meanwhile', async () => {
    const h = harness();
    h.saver.save({ value: { kind: 'number', value: 1 } });
    h.saver.save({ value: { kind: 'number', value: 12 } });
    h.saver.save({ value: { kind: 'number', value: 123 } });
    expect(h.calls).toHaveLength(1);
    expect(h.states).toEqual(['saving', 'pending', 'pending']);
    h.calls[0]!.resolve(answer(1));
    await tick();
    expect(h.calls).toHaveLength(2);
    expect(h.calls[1]!.patch).toEqual({ value: { kind: 'number', value: 123 } });
    expect(h.calls[1]!.stored).toEqual(answer(1));
    expect(h.states).not.toContain('saved');
    h.calls[1]!.resolve(answer(3));
    await tick();
    expect(h.states.at(-1)).toBe('saved');
    expect(h.saved).toHaveLength(2);
  });

  it('reports a failure and retries the same patch', async () => {
    const h = harness();
    h.saver.save({ value: { kind: 'number', value: 5 } });
    h.calls[0]!.reject(new Error('QuotaExceededError'));
    await tick();
    expect(h.states.at(-1)).toBe('error');
    h.saver.retry();
    expect(h.calls[1]!.patch).toEqual({ value: { kind: 'number', value: 5 } });
    h.calls[1]!.resolve(answer(5));
    await tick();
    expect(h.states.at(-1)).toBe('saved');
  });
});

import { describe, expect, it } from 'vitest';
import { applyAdjustments, checkAdjustment, verifiableItems } from '../../src/domain/verification';
import { TEMPLATE, templateSubmission } from '../server/criteria-fixtures';
import { catalogue, MOUNTAIN_COMMUNE, submission } from '../server/fixtures';
import { realReference } from '../server/harness';

const set = realReference().criteriaSets.get(`${TEMPLATE.id}@${TEMPLATE.version}`)!;

describe('verification items and adjustments', () => {
  it('a provisional revision is verified by its applicable components, each a status', () => {
    const body = submission(MOUNTAIN_COMMUNE);
    const items = verifiableItems(body, catalogue(), undefined);
    expect(items.every((i) => i.input === 'status')).toBe(true);
    expect(items.map((i) => i.code)).toEqual(expect.arrayContaining(body.answers.map((a) => a.code)));
  });

  it('under a criteria set: its applicable indicators by the answer each reads, with their input kinds', () => {
    const items = verifiableItems(templateSubmission(), catalogue(), set);
    const number = set.indicators.find((i) => i.input.kind === 'number')!;
    const linked = set.indicators.find((i) => i.input.kind === 'status' && i.input.component)!;
    expect(items).toContainEqual({ code: number.code, input: 'number' });
    expect(items).toContainEqual({ code: linked.input.kind === 'status' ? linked.input.component : '', input: 'status' });
    expect(new Set(items.map((i) => i.code)).size).toBe(items.length);
  });

  it('refuses a value of another kind, an unknown item, a status out of the scale and a value the indicator refuses', () => {
    const number = set.indicators.find((i) => i.input.kind === 'number')!;
    const item = { code: number.code, input: 'number' as const };
    expect(checkAdjustment(item, { value: { kind: 'number', value: 2 } }, set)).toBeNull();
    expect(checkAdjustment(item, { value: { kind: 'number', value: -1 } }, set)).toBe('negative');
    expect(checkAdjustment(item, { status: 2 }, set)).toBe('wrong-kind');
    expect(checkAdjustment(item, { value: { kind: 'percent', value: 5 } }, set)).toBe('wrong-kind');
    expect(checkAdjustment(undefined, { status: 2 }, set)).toBe('unknown-item');
    expect(checkAdjustment({ code: 'HTS1', input: 'status' }, { status: 4 as never }, undefined)).toBe('bad-status');
  });

  it('replaces adjusted answers only: an N/A reason goes with the N/A, the note stays; an unanswered item gains one', () => {
    const body = submission(MOUNTAIN_COMMUNE);
    const [a, b] = body.answers;
    const withNa = { ...body, answers: [{ ...a!, status: 'na' as const, naReason: 'Không có', note: 'ghi chú' }, b!] };
    const out = applyAdjustments(
      withNa,
      [
        { code: a!.code, outcome: 'adjusted', adjusted: { status: 1 }, reason: 'r', by: 'x', at: 't' },
        { code: b!.code, outcome: 'verified', by: 'x', at: 't' },
        { code: 'NEW1', outcome: 'adjusted', adjusted: { value: { kind: 'yesno', yes: true } }, reason: 'r', by: 'x', at: 't' },
      ],
      '2026-03-02T00:00:00.000Z',
    );
    expect(out.answers.find((x) => x.code === a!.code)).toEqual({
      code: a!.code,
      status: 1,
      note: 'ghi chú',
      updatedAt: '2026-03-02T00:00:00.000Z',
    });
    expect(out.answers.find((x) => x.code === b!.code)).toBe(b);
    expect(out.answers.find((x) => x.code === 'NEW1')).toMatchObject({ status: null, value: { kind: 'yesno', yes: true } });
    expect(applyAdjustments(body, [], 't')).toBe(body);
  });
});

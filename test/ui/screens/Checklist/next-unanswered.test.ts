import { describe, expect, it } from 'vitest';
import catalogueJson from '../../../../data/catalogue/2026.1/catalogue.json';
import type { Answer, Catalogue } from '../../../../src/domain/types';
import { nextUnanswered } from '../../../../src/ui/screens/Checklist/next-unanswered';
import { buildSections } from '../../../../src/ui/screens/Checklist/view-model';

const catalogue = catalogueJson as unknown as Catalogue;
const sections = buildSections(catalogue, ['mountain-border-island']);
const order = sections.flatMap((l) => l.groups.flatMap((g) => g.components.map((c) => ({ group: g.group.code, code: c.code }))));
const answered = (codes: readonly string[]) => {
  const set = new Set(codes);
  return (code: string): Pick<Answer, 'status'> | undefined => (set.has(code) ? { status: 2 } : undefined);
};

describe('the next unanswered component ("Tiếp theo")', () => {
  it('is the following one in checklist order when it has no status', () => {
    const [first, second] = order;
    expect(nextUnanswered(sections, first?.code ?? '', answered([first?.code ?? '']))).toEqual(second);
  });

  it('skips answered ones, across groups and layers', () => {
    const i = order.findIndex((t, k) => k > 0 && order[k - 1]?.group !== t.group);
    const lastOfGroup = order[i - 1];
    const skipped = order.slice(i, i + 2).map((t) => t.code);
    expect(nextUnanswered(sections, lastOfGroup?.code ?? '', answered([lastOfGroup?.code ?? '', ...skipped]))).toEqual(
      order[i + 2],
    );
  });

  it('wraps round to the start, and is undefined once everything has a status', () => {
    const last = order[order.length - 1];
    expect(nextUnanswered(sections, last?.code ?? '', answered(order.slice(1).map((t) => t.code)))).toEqual(order[0]);
    expect(nextUnanswered(sections, last?.code ?? '', answered(order.map((t) => t.code)))).toBeUndefined();
  });

  it('counts a component with no status as unanswered even when it has a note', () => {
    const [first, second] = order;
    const withNote = (code: string): Pick<Answer, 'status'> | undefined =>
      code === second?.code ? { status: null } : { status: 1 };
    expect(nextUnanswered(sections, first?.code ?? '', withNote)).toEqual(second);
  });
});

/**
 * "Tiếp theo": the next component still without a status after a given one, in the checklist's
 * order, wrapping round to the start (issue #10 item 5). Pure.
 */
import type { Answer } from '../../../domain/types';
import type { LayerSection } from './view-model';

export interface NextTarget {
  group: string;
  code: string;
}

export function nextUnanswered(
  sections: readonly LayerSection[],
  after: string,
  answerFor: (code: string) => Pick<Answer, 'status'> | undefined,
): NextTarget | undefined {
  const order: NextTarget[] = [];
  for (const l of sections)
    for (const g of l.groups) for (const c of g.components) order.push({ group: g.group.code, code: c.code });
  const from = order.findIndex((t) => t.code === after);
  for (let i = 1; i <= order.length; i++) {
    const t = order[(from + i) % order.length];
    if (t && t.code !== after && (answerFor(t.code)?.status ?? null) === null) return t;
  }
  return undefined;
}

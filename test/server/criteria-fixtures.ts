/** Submissions under the template criteria set, built the way the phone sends them. */
import type { Submission } from '../../src/domain/submission';
import type { Answer, IndicatorValue } from '../../src/domain/types';
import { MOUNTAIN_COMMUNE, submission, type SubmissionOptions } from './fixtures';
import { realReference } from './harness';

export const TEMPLATE = { id: 'template-commune-index', version: '2026.1' };
const when = '2026-03-01T07:00:00.000Z';

export interface TemplateOptions extends SubmissionOptions {
  communeCode?: string;
  /** Every own indicator at its lowest answer (status 0, no, first option, 0, 0 of 3) instead of a good one. */
  low?: boolean;
}

/** The commune's fixture submission plus a value for every template indicator that has its own answer. */
export function templateSubmission(
  change: Record<string, IndicatorValue | null> = {},
  options: TemplateOptions = {},
): Submission {
  const { communeCode = MOUNTAIN_COMMUNE, low = false, ...rest } = options;
  const base = submission(communeCode, low ? { status: () => 0, ...rest } : rest);
  const set = realReference().criteriaSets.get('template-commune-index@2026.1')!;
  const own = set.indicators.flatMap((ind): Answer[] => {
    if (ind.input.kind === 'status' && ind.input.component) return [];
    const input = ind.input;
    let value: IndicatorValue | undefined;
    if (input.kind === 'yesno') value = { kind: 'yesno', yes: !low };
    if (input.kind === 'choice') value = { kind: 'choice', option: input.options[low ? 0 : 1]!.id };
    if (input.kind === 'number') value = { kind: 'number', value: low ? 0 : 3 };
    if (input.kind === 'pair') value = { kind: 'pair', a: low ? 0 : 2, b: 3 };
    if (input.kind === 'percent') value = { kind: 'percent', value: low ? 0 : 85 };
    if (ind.code in change) value = change[ind.code] ?? undefined;
    if (input.kind === 'status') return [{ code: ind.code, status: low ? 0 : 2, updatedAt: when }];
    return value ? [{ code: ind.code, status: null, value, updatedAt: when }] : [];
  });
  return { ...base, criteriaSet: TEMPLATE, answers: [...base.answers, ...own] };
}

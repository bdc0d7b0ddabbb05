/**
 * A 100-indicator criteria set for the scoring bench: 10 groups of 10, each indicator a copy of a
 * template indicator (every input and rule kind, status ones linked to real components), rescaled
 * to 10 points, so the set validates and totals 1,000. Plus 64 different answer maps for it.
 */
import templateJson from '../../data/criteria/template-commune-index-2026.1.json';
import { parseCriteriaSet } from '../../src/domain/criteria';
import type { CriteriaIndicator, CriteriaSet } from '../../src/domain/criteria';
import type { Answer, AnswerMap, Catalogue, IndicatorValue } from '../../src/domain/types';

const POINTS = 10;

function rescale(ind: CriteriaIndicator, code: string, group: string, k: number): CriteriaIndicator {
  const rule = structuredClone(ind.rule);
  if (rule.kind === 'steps') rule.steps.forEach((s, i) => (s.points = Math.round(((i + 1) * POINTS) / rule.steps.length)));
  if (rule.kind === 'thresholds')
    rule.thresholds.forEach((s, i) => (s.points = Math.round(((i + 1) * POINTS) / rule.thresholds.length)));
  // A component's status is answered once: only the first copy keeps the link, the others ask on their own.
  const input = ind.input.kind === 'status' && k > 0 ? { kind: 'status' as const, naAllowed: false } : ind.input;
  return { ...ind, code, group, points: POINTS, input, rule };
}

export function hundredIndicatorSet(catalogue: Catalogue): CriteriaSet {
  const template = parseCriteriaSet(templateJson, catalogue);
  const groups = Array.from({ length: 10 }, (_, g) => ({
    id: `G${g + 1}`,
    vi: `Nhóm ${g + 1}`,
    en: `Group ${g + 1}`,
    aggregate: 'sum' as const,
    points: 100,
    ifNoneCounted: 'not-counted' as const,
  }));
  const indicators = Array.from({ length: 100 }, (_, i) => {
    const source = template.indicators[i % template.indicators.length]!;
    return rescale(source, `B${i + 1}`, `G${Math.floor(i / 10) + 1}`, Math.floor(i / template.indicators.length));
  });
  return parseCriteriaSet(
    { ...template, id: 'bench-100', groups, indicators, gates: [{ ...template.gates[0]!, indicators: ['B31'] }] },
    catalogue,
  );
}

export function benchAnswers(set: CriteriaSet, seed: number): AnswerMap {
  const when = '2026-03-01T07:00:00.000Z';
  const map: Record<string, Answer> = {};
  set.indicators.forEach((ind, i) => {
    const r = (seed * 31 + i * 17) % 11;
    const input = ind.input;
    const code = input.kind === 'status' && input.component ? input.component : ind.code;
    let value: IndicatorValue | undefined;
    if (input.kind === 'yesno') value = { kind: 'yesno', yes: r % 2 === 0 };
    if (input.kind === 'choice') value = { kind: 'choice', option: input.options[r % input.options.length]!.id };
    if (input.kind === 'number') value = { kind: 'number', value: r };
    if (input.kind === 'pair') value = { kind: 'pair', a: r, b: 10 + (seed % 3) };
    if (input.kind === 'percent') value = { kind: 'percent', value: r * 9.5 };
    map[code] = value
      ? { code, status: null, value, updatedAt: when }
      : { code, status: (r % 4) as 0 | 1 | 2 | 3, updatedAt: when };
  });
  return map;
}

/**
 * Scoring a full assessment in Node: scoreAssessment (the shared domain module the phone and
 * the server both run) on a complete mountain-commune assessment, 10,000 timed runs after a
 * warm-up. The answers cycle through 64 different full assessments, so no run can profit from
 * the previous one's answers (the catalogue's applicability plan is cached, as in the app).
 */
import { gapList } from '../../src/domain/gaps';
import { scoreAssessment } from '../../src/domain/scoring';
import { scoreCriteria } from '../../src/domain/criteria';
import type { AnswerMap, Catalogue } from '../../src/domain/types';
import { fullAnswers, MOUNTAIN, reference } from './fixture';
import { benchAnswers, hundredIndicatorSet } from './criteria-fixture';
import { ms, type Part, type Row } from './report';
import { median, percentile } from './stats';

const FIGURE = 'scoring a full assessment (Node, median of 10,000 runs)';
const BUDGET = '≤ 1 ms';
const CRITERIA_FIGURE = 'scoring an assessment on a 100-indicator criteria set (Node, median of 10,000 runs)';
const CRITERIA_BUDGET = '≤ 2 ms';

export const scoringPart: Part = {
  name: 'scoring',
  limitMs: { full: 60_000, quick: 30_000 },
  figures: [
    { figure: FIGURE, budget: BUDGET },
    { figure: CRITERIA_FIGURE, budget: CRITERIA_BUDGET },
  ],
  run: (ctx) => {
    const ref = reference();
    const catalogue = ref.catalogues.get(ref.current.catalogueVersion);
    const methodology = ref.methodologies.get(ref.current.methodologyId);
    if (!catalogue || !methodology) throw new Error('no catalogue or methodology');
    const maps: AnswerMap[] = Array.from({ length: 64 }, (_, seed) =>
      Object.fromEntries(fullAnswers(ref, { seed: seed + 1 }).map((a) => [a.code, a])),
    );
    const input = (i: number) => ({ catalogue, methodology, areaTypes: MOUNTAIN, answers: maps[i % maps.length] as AnswerMap });

    const runs = 10_000;
    let sink = 0;
    for (let i = 0; i < 1_000; i++) sink += scoreAssessment(input(i)).index;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      if (ctx.signal.aborted) break;
      const t0 = performance.now();
      sink += scoreAssessment(input(i)).index;
      times.push(performance.now() - t0);
    }
    const gapTimes: number[] = [];
    for (let i = 0; i < 1_000; i++) {
      const t0 = performance.now();
      sink += gapList(input(i)).length;
      gapTimes.push(performance.now() - t0);
    }
    if (!Number.isFinite(sink)) throw new Error('scoring returned a non-number');
    const med = median(times);
    const rows: Row[] = [
      {
        figure: FIGURE,
        value: `${ms(med)} (p95 ${ms(percentile(times, 95))}, ${times.length.toLocaleString('en')} runs)`,
        budget: BUDGET,
        pass: times.length === runs && med <= 1,
        note: `scoreAssessment on ${Object.keys(maps[0] ?? {}).length} answered components (42 essential + 28 mountain-border-island); the prioritised gap list (gapList) on the same input takes ${ms(median(gapTimes))} median.`,
      },
      criteriaRow(catalogue, ctx.signal),
    ];
    return Promise.resolve(rows);
  },
};

/**
 * The criteria engine (src/domain/criteria) on a 100-indicator set with every input and rule kind:
 * exact rational arithmetic, the same call the phone makes on every tap and the server on submit.
 */
function criteriaRow(catalogue: Catalogue, signal: AbortSignal): Row {
  const set = hundredIndicatorSet(catalogue);
  const maps = Array.from({ length: 64 }, (_, seed) => benchAnswers(set, seed + 1));
  const input = (i: number) => ({ set, catalogue, areaTypes: MOUNTAIN, answers: maps[i % maps.length] as AnswerMap });
  const runs = 10_000;
  let sink = 0;
  for (let i = 0; i < 1_000; i++) sink += scoreCriteria(input(i)).total;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (signal.aborted) break;
    const t0 = performance.now();
    sink += scoreCriteria(input(i)).total;
    times.push(performance.now() - t0);
  }
  if (!Number.isFinite(sink)) throw new Error('criteria scoring returned a non-number');
  const med = median(times);
  return {
    figure: CRITERIA_FIGURE,
    value: `${ms(med)} (p95 ${ms(percentile(times, 95))}, ${times.length.toLocaleString('en')} runs)`,
    budget: CRITERIA_BUDGET,
    pass: times.length === runs && med <= 2,
    note: 'scoreCriteria on test/bench/criteria-fixture.ts: 10 groups × 10 indicators (status, yes/no, choice, steps, ratio, thresholds), 64 different answer maps, exact BigInt rationals rounded once.',
  };
}

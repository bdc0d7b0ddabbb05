/**
 * The gap list under a criteria set (Summary and Report): the engine's criteriaGaps (gates first,
 * then the biggest exact gain) as the provisional summary's gap rows, so the same GapList and
 * GapTable show them. Labels are the indicators' own words; an answered indicator that is not a
 * status says what it earns now ("8/20 điểm"), as a status one says its level. Pure.
 */
import { criteriaGaps } from '../../../domain/criteria/score';
import type { CriteriaScore } from '../../../domain/criteria/score';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import type { GapRow } from '../Summary/view-model';
import type { AssessmentData } from './use-assessment-data';

export function criteriaGapRows(data: AssessmentData, set: CriteriaSet, score: CriteriaScore, lang: string): GapRow[] {
  const { catalogue, assessment, answers } = data;
  const gaps = criteriaGaps({ set, catalogue, areaTypes: assessment.areaTypes, answers });
  const indicators = new Map(set.indicators.map((ind) => [ind.code, ind]));
  const scores = new Map(score.indicators.map((s) => [s.code, s]));
  return gaps.map((g) => {
    const ind = indicators.get(g.code);
    const s = scores.get(g.code);
    const english = lang === 'en' && ind !== undefined;
    const row: GapRow = {
      code: g.code,
      label: ind ? (english ? ind.en : ind.vi) : g.code,
      labelLang: english ? 'en' : 'vi',
      status: g.status,
      gain: g.gain,
      actor: g.actor,
      gate: g.gate,
      scoreGroup: g.group,
    };
    if (ind && ind.input.kind !== 'status' && s?.answered) row.earned = { points: s.points, max: s.max };
    return row;
  });
}

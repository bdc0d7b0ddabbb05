/** Score and gap list of a loaded assessment, computed once per data object. */
import { useMemo } from 'preact/hooks';
import { gapList } from '../../../domain/gaps';
import { scoreAssessment } from '../../../domain/scoring';
import type { Gap, ScoreResult } from '../../../domain/types';
import type { AssessmentData } from '../assessment/use-assessment-data';

export interface Result {
  score: ScoreResult;
  gaps: Gap[];
}

export function computeResult(data: AssessmentData): Result {
  const input = {
    catalogue: data.catalogue,
    methodology: data.methodology,
    areaTypes: data.assessment.areaTypes,
    answers: data.answers,
  };
  return { score: scoreAssessment(input), gaps: gapList(input) };
}

export function useResult(data: AssessmentData): Result {
  return useMemo(() => computeResult(data), [data]);
}

/** The criteria engine: a scoring index as data (see data/criteria/README.md). */
export { parseCriteriaSet, criteriaSetSchema, checkCriteriaSet, DEFAULT_SURVEY_ID } from './validate';
export { CriteriaSetBaseSchema } from './schema';
export type { CriteriaSet, CriteriaIndicator, CriteriaGroup, CriteriaInput, CriteriaRule, SetSurvey } from './schema';
export { computeCriteria, exactGain } from './engine';
export type { CriteriaScoringInput, CriteriaRaw } from './engine';
export { scoreCriteria, criteriaGaps, criteriaLevel } from './score';
export type { CriteriaScore, CriteriaGap, CriteriaGroupScore, CriteriaIndicatorScore } from './score';
export { checkValue, evaluateIndicator } from './rules';
export type { ValueProblem } from './rules';
export { componentPart, criteriaSetKey, ownAnswerCodes, validateCriteriaAnswers, validateWithSet } from './submission';
export { diffCriteriaSets, isEmptyDiff, SCORING_CHANGES } from './diff';
export type {
  CriteriaSetDiff,
  IndicatorChange,
  IndicatorDiff,
  IndicatorRef,
  GroupChange,
  GroupDiff,
  GroupRef,
  SetChange,
} from './diff';

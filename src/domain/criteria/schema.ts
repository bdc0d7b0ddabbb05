/**
 * The criteria-set format: a scoring index as a versioned data file (data/criteria/*.json).
 * One zod schema is the source of truth: the code parses with it, and the JSON Schema that data
 * authors validate against (data/criteria/criteria-set.schema.json) is generated from it
 * (test/domain/criteria/json-schema.test.ts keeps the checked-in file current).
 *
 * The structural checks JSON Schema cannot express (points adding up, cycles, duplicate codes,
 * links to catalogue components) are a refinement that reports the path of every problem.
 */
import { z } from 'zod';
import { nfcText } from '../schemas';
import { AREA_TYPES } from '../vocabulary';
import { MEASURED_METRICS, MEASURED_RULE } from './measured';

const text = z.strictObject({ vi: nfcText, en: nfcText });
/** An exact fraction: a decimal number as written (0.5) or "a/b" ("2/3"). */
export const FractionSchema = z.union([
  z.number().finite().min(0).max(1),
  z.string().regex(/^\d+\/[1-9]\d*$/, 'a fraction written "a/b"'),
]);
const points = z.number().int().nonnegative();
const code = z.string().regex(/^[0-9A-Za-zÀ-ỹ][0-9A-Za-zÀ-ỹ._-]*$/, 'letters, digits, ".", "_" or "-"');

const AreaTypeSchema = z.enum(AREA_TYPES);

/** What the officer enters. */
export const InputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('status'),
    /** The catalogue component whose status this is; the checklist and the index share that one answer. */
    component: code.optional(),
    naAllowed: z.boolean(),
    /** An open "…khác" item counts only once the commune names something in it. */
    countOnlyWhenNamed: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('yesno') }),
  z.strictObject({
    kind: z.literal('choice'),
    options: z.array(z.strictObject({ id: code, vi: nfcText, en: nfcText })).min(2),
  }),
  z.strictObject({ kind: z.literal('number'), unit: text, max: z.number().int().positive().optional() }),
  z.strictObject({
    kind: z.literal('pair'),
    a: z.strictObject({ vi: nfcText, en: nfcText, unit: text }),
    b: z.strictObject({ vi: nfcText, en: nfcText, unit: text }),
    /** a is a part of b (meetings chaired of all meetings): a > b is refused. */
    aAtMostB: z.boolean(),
  }),
  z.strictObject({ kind: z.literal('percent') }),
  /** Not answered by the officer: a figure the community teams measure (./measured.ts). */
  z.strictObject({ kind: z.literal('measured'), metric: z.enum(MEASURED_METRICS) }),
]);

/** How the input becomes a fraction of the indicator's maximum. */
export const RuleSchema = z.discriminatedUnion('kind', [
  /** Fraction per status 0, 1, 2, 3. */
  z.strictObject({ kind: z.literal('status'), fractions: z.array(FractionSchema).length(4) }),
  z.strictObject({ kind: z.literal('yesno'), yes: FractionSchema, no: FractionSchema }),
  /** Fraction per option id. */
  z.strictObject({ kind: z.literal('choice'), fractions: z.record(z.string(), FractionSchema) }),
  /** Points of the highest step whose min the number reaches; below every step: 0. */
  z.strictObject({
    kind: z.literal('steps'),
    steps: z.array(z.strictObject({ min: z.number().int().nonnegative(), points })).min(1),
  }),
  /** a / b × maximum, capped at the maximum; b = 0 as the set says. */
  z.strictObject({
    kind: z.literal('ratio'),
    whenBIsZero: z.enum(['full', 'zero', 'not-counted']),
  }),
  /** Points of the highest threshold the percentage reaches; below every threshold: 0. */
  z.strictObject({
    kind: z.literal('thresholds'),
    thresholds: z.array(z.strictObject({ min: z.number().finite().min(0).max(100), points })).min(1),
  }),
]);

export const RULE_FOR_INPUT = {
  status: 'status',
  yesno: 'yesno',
  choice: 'choice',
  number: 'steps',
  pair: 'ratio',
  percent: 'thresholds',
} as const;

/** The rule kind an input is scored by: fixed per input kind, and per metric for a measured one. */
export const ruleKindFor = (input: z.infer<typeof InputSchema>): z.infer<typeof RuleSchema>['kind'] =>
  input.kind === 'measured' ? MEASURED_RULE[input.metric] : RULE_FOR_INPUT[input.kind];

export const EvidenceSchema = z.strictObject({
  required: z.boolean(),
  /** What counts as evidence ("tài liệu kiểm chứng"). */
  items: z.array(text),
  /** Where the data comes from, and who verifies it. */
  source: text.optional(),
  verifiedBy: text.optional(),
});

export const GuidanceSchema = z.strictObject({
  vi: nfcText,
  en: nfcText.optional(),
  /** For status inputs: what each status looks like for this item, 0…3. */
  levels: z.array(nfcText).length(4).optional(),
});

export const IndicatorSchema = z.strictObject({
  code,
  /** The group this indicator belongs to. */
  group: code,
  vi: nfcText,
  en: nfcText,
  /** Maximum points (for a weighted-mean group: the weight within the group). */
  points: z.number().int().positive(),
  input: InputSchema,
  rule: RuleSchema,
  /** Must be answered before the assessment can be submitted. */
  required: z.boolean(),
  /** Asked only of communes of these area types (omitted: every commune). */
  areaTypes: z.array(AreaTypeSchema).min(1).optional(),
  /** Catalogue components this indicator is about (beyond an input's own component). */
  links: z.array(code).optional(),
  /** Ours, not any official text (the uncoded cross-cutting questions). */
  ownQuestion: z.boolean().optional(),
  /** Who acts to improve it: the commune itself, or the province (what it provides). */
  actor: z.enum(['commune', 'province']).optional(),
  evidence: EvidenceSchema.optional(),
  guidance: GuidanceSchema.optional(),
});

export const GroupSchema = z.strictObject({
  id: code,
  /** Omitted: a top-level group, aggregated by the set's total. */
  parent: code.optional(),
  vi: nfcText,
  en: nfcText,
  /** sum: earned points over counted maximum; mean: weighted mean of the members' fractions. */
  aggregate: z.enum(['sum', 'mean']),
  /** Maximum points; required under a "sum" parent and for a "sum" set; must equal its members' sum. */
  points: z.number().int().positive().optional(),
  /** Weight in a "mean" parent (default 1). */
  weight: z.number().int().positive().optional(),
  /** When no member is counted (all N/A) but some apply: leave the group out, or count it as 0. */
  ifNoneCounted: z.enum(['not-counted', 'zero']),
});

export const LevelSchema = z.strictObject({
  level: z.number().int().positive(),
  min: z.number().finite().min(0),
  vi: nfcText,
  en: nfcText,
});

export const GateSchema = z.strictObject({
  id: code,
  /** The level is capped at capLevel while any counted one of these scores below `below`. */
  indicators: z.array(code).min(1),
  below: FractionSchema,
  capLevel: z.number().int().positive(),
  vi: nfcText,
  en: nfcText,
});

/** The survey's questions: ids as in data/community (lower-case letters, digits and dashes). */
export const SetSurveyQuestionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
  type: z.enum(['scale5', 'yesno']),
  vi: nfcText,
  en: nfcText,
});

/**
 * A province's own satisfaction survey (issue #15), carried by its criteria set and run by its
 * community teams once the set is published: the shape of SurveySchema (src/domain/community),
 * stricter in its texts. Its version is the set's; ./validate.ts checks the rest (not
 * "survey-default", question ids unique, an overall question on the 5-point scale).
 */
export const SetSurveySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id, digits, dots and dashes'),
  version: z.string().regex(/^\d{4}\.\d+$/, 'version like 2026.1'),
  title: text,
  /** The scale5 question whose answer is the response's satisfaction (the tallies' mean and share satisfied). */
  overallQuestion: z.string().min(1),
  questions: z.array(SetSurveyQuestionSchema).min(1).max(30),
  /** Labels of 1…5, Vietnamese and English. */
  scale: z.strictObject({ vi: z.array(nfcText).length(5), en: z.array(nfcText).length(5) }),
});

export const CriteriaSetBaseSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'lower-case id, digits, dots and dashes'),
  version: z.string().regex(/^\d{4}\.\d+$/, 'version like 2026.1'),
  title: text,
  /** Shown wherever the set is named: e.g. that it is a template for a province to adapt. */
  notice: text.optional(),
  template: z.boolean(),
  catalogueVersions: z.array(z.string().min(1)).min(1),
  /** What the total is: the points shown (1000) or the index scale (100), aggregated over top-level groups. */
  total: z.strictObject({
    aggregate: z.enum(['sum', 'mean']),
    points: z.number().int().positive(),
    /** Rounding for display, half away from zero, done once on the exact value. */
    decimals: z.number().int().min(0).max(4),
  }),
  statusScale: z.array(z.strictObject({ value: z.number().int().min(0).max(3), vi: nfcText, en: nfcText })).length(4),
  groups: z.array(GroupSchema).min(1),
  indicators: z.array(IndicatorSchema).min(1),
  levels: z.array(LevelSchema).min(1),
  gates: z.array(GateSchema),
  /** The province's satisfaction survey, if it publishes one with the set (issue #15). */
  survey: SetSurveySchema.optional(),
});

export type CriteriaSet = z.infer<typeof CriteriaSetBaseSchema>;
export type CriteriaIndicator = z.infer<typeof IndicatorSchema>;
export type CriteriaGroup = z.infer<typeof GroupSchema>;
export type CriteriaInput = z.infer<typeof InputSchema>;
export type CriteriaRule = z.infer<typeof RuleSchema>;
export type Fraction = z.infer<typeof FractionSchema>;
export type SetSurvey = z.infer<typeof SetSurveySchema>;

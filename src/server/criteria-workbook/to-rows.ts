/**
 * A criteria set as the workbook's rows: one record per row, keyed by column key (layout.ts).
 * The inverse of from-rows.ts; together they must round-trip every field of the format.
 */
import type { CriteriaGroup, CriteriaIndicator, CriteriaSet, SetSurvey } from '../../domain/criteria';
import {
  ACTORS,
  AGGREGATES,
  AREA_TYPE_LABELS,
  IF_NONE_COUNTED,
  INPUT_KINDS,
  MEASURED_METRIC_LABELS,
  NO,
  RULE_KINDS,
  DEFAULT_SURVEY_SCALE,
  SURVEY_QUESTION_TYPES,
  YES,
} from './labels';
import { formatFraction, formatRule } from './rule-syntax';

export type CellOut = string | number | undefined;
export type RowOut = Record<string, CellOut>;

const yesNo = (b: boolean | undefined): CellOut => (b === undefined ? undefined : b ? YES : NO);

/** Lines of a list cell; a line break inside one item would split it, so it is refused here. */
function lines(items: readonly string[], what: string): string {
  for (const item of items)
    if (/[\r\n]/.test(item)) throw new Error(`${what} "${item}" contains a line break: a workbook cell keeps one per line`);
  return items.join('\n');
}

export function setRows(s: CriteriaSet): Record<string, [CellOut, CellOut?]> {
  return {
    id: [s.id],
    version: [s.version],
    title: [s.title.vi, s.title.en],
    notice: [s.notice?.vi, s.notice?.en],
    template: [yesNo(s.template)],
    catalogueVersions: [s.catalogueVersions.join('; ')],
    aggregate: [AGGREGATES[s.total.aggregate]],
    points: [s.total.points],
    decimals: [s.total.decimals],
    ...Object.fromEntries(s.statusScale.map((st, i) => [`status${i}`, [st.vi, st.en]])),
    surveyId: [s.survey?.id],
    surveyTitle: [s.survey?.title.vi, s.survey?.title.en],
    // Prefilled when the set has no survey: a province adding one fills in its id, title and questions.
    ...Object.fromEntries(
      [0, 1, 2, 3, 4].map((i) => [
        `surveyScale${i + 1}`,
        [(s.survey?.scale ?? DEFAULT_SURVEY_SCALE).vi[i], (s.survey?.scale ?? DEFAULT_SURVEY_SCALE).en[i]],
      ]),
    ),
    $schema: [s.$schema],
  };
}

export const surveyRow = (q: SetSurvey['questions'][number], overall: string): RowOut => ({
  id: q.id,
  type: SURVEY_QUESTION_TYPES[q.type],
  vi: q.vi,
  en: q.en,
  overall: q.id === overall ? 'x' : undefined,
});

export function groupRow(g: CriteriaGroup): RowOut {
  return {
    id: g.id,
    parent: g.parent,
    vi: g.vi,
    en: g.en,
    aggregate: AGGREGATES[g.aggregate],
    points: g.points,
    weight: g.weight,
    ifNoneCounted: IF_NONE_COUNTED[g.ifNoneCounted],
  };
}

function inputCells(ind: CriteriaIndicator): RowOut {
  const input = ind.input;
  switch (input.kind) {
    case 'status':
      return {
        component: input.component,
        naAllowed: yesNo(input.naAllowed),
        countOnlyWhenNamed: yesNo(input.countOnlyWhenNamed),
      };
    case 'choice':
      return {
        optionsVi: lines(
          input.options.map((o) => `${o.id}: ${o.vi}`),
          'option',
        ),
        optionsEn: lines(
          input.options.map((o) => `${o.id}: ${o.en}`),
          'option',
        ),
      };
    case 'number':
      return { unitVi: input.unit.vi, unitEn: input.unit.en, max: input.max };
    case 'pair':
      return {
        aVi: input.a.vi,
        aEn: input.a.en,
        aUnitVi: input.a.unit.vi,
        aUnitEn: input.a.unit.en,
        bVi: input.b.vi,
        bEn: input.b.en,
        bUnitVi: input.b.unit.vi,
        bUnitEn: input.b.unit.en,
        aAtMostB: yesNo(input.aAtMostB),
      };
    case 'measured':
      return { metric: MEASURED_METRIC_LABELS[input.metric] };
    case 'yesno':
    case 'percent':
      return {};
  }
}

export function indicatorRow(ind: CriteriaIndicator): RowOut {
  const levels = ind.guidance?.levels;
  return {
    group: ind.group,
    code: ind.code,
    vi: ind.vi,
    en: ind.en,
    points: ind.points,
    required: yesNo(ind.required),
    inputKind: INPUT_KINDS[ind.input.kind],
    ruleKind: RULE_KINDS[ind.rule.kind],
    ruleParams: formatRule(ind.rule),
    ...inputCells(ind),
    areaTypes: ind.areaTypes?.map((a) => AREA_TYPE_LABELS[a]).join('; '),
    links: ind.links?.join('; '),
    ownQuestion: yesNo(ind.ownQuestion),
    actor: ind.actor && ACTORS[ind.actor],
    evidenceRequired: yesNo(ind.evidence?.required),
    evidenceVi:
      ind.evidence &&
      lines(
        ind.evidence.items.map((x) => x.vi),
        'evidence item',
      ),
    evidenceEn:
      ind.evidence &&
      lines(
        ind.evidence.items.map((x) => x.en),
        'evidence item',
      ),
    sourceVi: ind.evidence?.source?.vi,
    sourceEn: ind.evidence?.source?.en,
    verifiedByVi: ind.evidence?.verifiedBy?.vi,
    verifiedByEn: ind.evidence?.verifiedBy?.en,
    guidanceVi: ind.guidance?.vi,
    guidanceEn: ind.guidance?.en,
    ...Object.fromEntries([0, 1, 2, 3].map((n) => [`level${n}`, levels?.[n]])),
  };
}

export function levelRow(l: CriteriaSet['levels'][number]): RowOut {
  return { level: l.level, min: l.min, vi: l.vi, en: l.en };
}

export function gateRow(g: CriteriaSet['gates'][number]): RowOut {
  return {
    id: g.id,
    indicators: g.indicators.join('; '),
    below: formatFraction(g.below),
    capLevel: g.capLevel,
    vi: g.vi,
    en: g.en,
  };
}

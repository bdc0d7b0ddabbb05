/**
 * The Vietnamese words the workbook uses for the format's enumerations, one table per field, so
 * that the writer, the reader, the data-validation lists and the guide sheet cannot disagree.
 * The reader also accepts the format's own English keys ("status", "sum"…) and is blind to case.
 */
import type { CriteriaGroup, CriteriaIndicator, CriteriaInput, CriteriaRule } from '../../domain/criteria';
import type { MeasuredMetric } from '../../domain/criteria/measured';
import type { AreaType } from '../../domain/vocabulary';

export type Labels<K extends string> = Readonly<Record<K, string>>;

export const INPUT_KINDS: Labels<CriteriaInput['kind']> = {
  status: 'trạng thái',
  yesno: 'có/không',
  choice: 'lựa chọn',
  number: 'số lượng',
  pair: 'cặp số a/b',
  percent: 'phần trăm',
  measured: 'số liệu đo được',
};

/** The community teams' figures a "measured" input reads (issue #15). */
export const MEASURED_METRIC_LABELS: Labels<MeasuredMetric> = {
  residentsHelped: 'số lượt người dân được hỗ trợ',
  residentsHelpedPer1000: 'số lượt người dân được hỗ trợ trên 1.000 dân',
  sessions: 'số lần hỗ trợ',
  surveyResponses: 'số phiếu khảo sát',
  satisfactionMean: 'điểm hài lòng trung bình',
  shareSatisfied: 'tỷ lệ người dân hài lòng',
};

export const RULE_KINDS: Labels<CriteriaRule['kind']> = {
  status: 'theo trạng thái',
  yesno: 'có/không',
  choice: 'theo lựa chọn',
  steps: 'bậc',
  ratio: 'tỷ lệ a/b',
  thresholds: 'ngưỡng %',
};

export const AGGREGATES: Labels<CriteriaGroup['aggregate']> = {
  sum: 'cộng điểm',
  mean: 'trung bình có trọng số',
};

export const IF_NONE_COUNTED: Labels<CriteriaGroup['ifNoneCounted']> = {
  'not-counted': 'bỏ qua nhóm',
  zero: 'tính 0 điểm',
};

export const ACTORS: Labels<NonNullable<CriteriaIndicator['actor']>> = {
  commune: 'xã',
  province: 'tỉnh',
};

export const AREA_TYPE_LABELS: Labels<AreaType> = {
  urban: 'Đô thị',
  rural: 'Nông thôn',
  'mountain-border-island': 'Miền núi, biên giới, hải đảo',
};

export const YES = 'Có';
export const NO = 'Không';
export const YES_NO = [YES, NO] as const;
/** Words the column help repeats. */
export const BOTH = 'Có hoặc Không';
export const OPTIONAL = 'Để trống nếu không có.';
const YES_WORDS = ['có', 'co', 'yes', 'true', 'x'];
const NO_WORDS = ['không', 'khong', 'no', 'false'];

/** A yes/no cell's text as a boolean, or undefined when it is neither. */
export function booleanOf(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return YES_WORDS.includes(t) ? true : NO_WORDS.includes(t) ? false : undefined;
}

/** The key whose label (or the key itself) the text is, ignoring case. */
export function keyOf<K extends string>(labels: Labels<K>, text: string): K | undefined {
  const t = text.trim().toLowerCase();
  return (Object.keys(labels) as K[]).find((k) => k.toLowerCase() === t || labels[k].toLowerCase() === t);
}

/** "a", "b" hoặc "c", for messages. */
export function choices(values: readonly string[]): string {
  const quoted = values.map((v) => `"${v}"`);
  return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} hoặc ${quoted.at(-1)}` : (quoted[0] ?? '');
}

/** A survey question's type (issue #15): the sheet "Khảo sát". */
export const SURVEY_QUESTION_TYPES: Labels<'scale5' | 'yesno'> = { scale5: 'thang 5 mức', yesno: 'có/không' };

/** The five labels of the survey scale, as the default survey words them: prefilled for a new survey. */
export const DEFAULT_SURVEY_SCALE = {
  vi: ['Rất không hài lòng', 'Không hài lòng', 'Bình thường', 'Hài lòng', 'Rất hài lòng'],
  en: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
} as const;

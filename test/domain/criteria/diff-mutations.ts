/** One edit of each change kind, each sure to change what it names and nothing else (diff tests). */
import type { CriteriaIndicator, IndicatorChange } from '../../../src/domain/criteria';

type Edit = (x: CriteriaIndicator, groups: readonly string[]) => CriteriaIndicator;

export const EDITS: Record<IndicatorChange, Edit> = {
  label: (x) => ({ ...x, vi: `${x.vi} (sửa đổi)` }),
  group: (x, groups) => ({ ...x, group: groups.find((g) => g !== x.group) ?? `${x.group}-moi` }),
  points: (x) => ({ ...x, points: x.points + 5 }),
  input: (x) =>
    x.input.kind === 'status'
      ? { ...x, input: { ...x.input, naAllowed: !x.input.naAllowed } }
      : { ...x, input: x.input.kind === 'percent' ? { kind: 'yesno' } : { kind: 'percent' } },
  rule: (x) =>
    x.rule.kind === 'ratio'
      ? { ...x, rule: { kind: 'ratio', whenBIsZero: x.rule.whenBIsZero === 'zero' ? 'full' : 'zero' } }
      : { ...x, rule: { kind: 'ratio', whenBIsZero: 'zero' } },
  required: (x) => ({ ...x, required: !x.required }),
  applicability: (x) => ({ ...x, areaTypes: x.areaTypes?.length === 1 ? ['urban', 'rural'] : ['mountain-border-island'] }),
  evidence: (x) => ({
    ...x,
    evidence: { required: !(x.evidence?.required ?? false), items: [{ vi: 'Biên bản', en: 'Minutes' }] },
  }),
  guidance: (x) => ({ ...x, guidance: { vi: `${x.guidance?.vi ?? ''} Đếm cả các cuộc họp trực tuyến.` } }),
  other: (x) => ({ ...x, actor: x.actor === 'province' ? 'commune' : 'province' }),
};

export const CHANGE_KINDS = Object.keys(EDITS) as IndicatorChange[];

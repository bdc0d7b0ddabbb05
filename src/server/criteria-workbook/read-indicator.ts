/**
 * One row of the "Chỉ tiêu" sheet as an indicator of the format. Cells that cannot be read are
 * reported here with their address; what is left unset is for the domain validation to name.
 * The result is untyped on purpose: it is checked by the domain schema, never trusted.
 */
import type { CriteriaInput } from '../../domain/criteria';
import type { RowReader } from './cells';
import { ACTORS, AREA_TYPE_LABELS, choices, INPUT_KINDS, keyOf, MEASURED_METRIC_LABELS, RULE_KINDS } from './labels';
import { parseRule } from './rule-syntax';

export type Loose = Record<string, unknown>;

/** Drops the keys left undefined, so that an absent cell is an absent field (not `undefined`). */
export function compact(o: Loose): Loose {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

const text2 = (vi: string | undefined, en: string | undefined) => (vi === undefined && en === undefined ? undefined : { vi, en });

/** Which parameter columns belong to which input kind: filled for another kind, they are a mistake. */
const INPUT_COLUMNS: Record<CriteriaInput['kind'], string[]> = {
  status: ['component', 'naAllowed', 'countOnlyWhenNamed'],
  yesno: [],
  choice: ['optionsVi', 'optionsEn'],
  number: ['unitVi', 'unitEn', 'max'],
  pair: ['aVi', 'aEn', 'aUnitVi', 'aUnitEn', 'bVi', 'bEn', 'bUnitVi', 'bUnitEn', 'aAtMostB'],
  percent: [],
  measured: ['metric'],
};

/** "id: text" lines of an options cell; undefined (and reported) when blank or malformed. */
function optionLines(r: RowReader, key: string): { id: string; text: string }[] | undefined {
  const text = r.text(key);
  if (text === undefined) return r.problem(key, 'loại nhập liệu “lựa chọn” cần các lựa chọn, mỗi dòng viết "mã: nội dung"');
  const out: { id: string; text: string }[] = [];
  for (const line of text
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const colon = line.indexOf(':');
    if (colon < 0) return r.problem(key, `dòng "${line}" thiếu dấu hai chấm: mỗi dòng viết "mã: nội dung"`);
    out.push({ id: line.slice(0, colon).trim(), text: line.slice(colon + 1).trim() });
  }
  return out;
}

function readOptions(r: RowReader): Loose[] | undefined {
  const vi = optionLines(r, 'optionsVi');
  const en = optionLines(r, 'optionsEn');
  if (vi && en && vi.map((o) => o.id).join('\n') !== en.map((o) => o.id).join('\n'))
    r.problem('optionsEn', 'các mã lựa chọn ở cột tiếng Anh phải giống hệt, cùng thứ tự với cột tiếng Việt');
  else if (vi && en) return vi.map((o, i) => ({ id: o.id, vi: o.text || undefined, en: en[i]?.text || undefined }));
  // Already reported; the domain's "options missing" would only say it again.
  r.markBad('optionsVi');
  return undefined;
}

function readInput(r: RowReader, kind: CriteriaInput['kind'] | undefined): Loose | undefined {
  if (kind === undefined) return undefined;
  for (const [other, keys] of Object.entries(INPUT_COLUMNS))
    if (other !== kind)
      for (const key of keys.filter((k) => !INPUT_COLUMNS[kind].includes(k) && r.has(k)))
        r.problem(
          key,
          `cột này chỉ dùng cho loại nhập liệu “${INPUT_KINDS[other as CriteriaInput['kind']]}”; với “${INPUT_KINDS[kind]}” hãy để trống`,
        );
  switch (kind) {
    case 'status':
      return compact({
        kind,
        component: r.text('component'),
        naAllowed: r.boolean('naAllowed'),
        countOnlyWhenNamed: r.boolean('countOnlyWhenNamed'),
      });
    case 'choice':
      return compact({ kind, options: readOptions(r) });
    case 'number':
      return compact({ kind, unit: { vi: r.text('unitVi'), en: r.text('unitEn') }, max: r.number('max') });
    case 'pair':
      return {
        kind,
        a: { vi: r.text('aVi'), en: r.text('aEn'), unit: { vi: r.text('aUnitVi'), en: r.text('aUnitEn') } },
        b: { vi: r.text('bVi'), en: r.text('bEn'), unit: { vi: r.text('bUnitVi'), en: r.text('bUnitEn') } },
        aAtMostB: r.boolean('aAtMostB'),
      };
    case 'measured':
      return compact({ kind, metric: r.choice('metric', MEASURED_METRIC_LABELS) });
    case 'yesno':
    case 'percent':
      return { kind };
  }
}

function readRule(r: RowReader): Loose | undefined {
  const kind = r.choice('ruleKind', RULE_KINDS);
  const text = r.text('ruleParams');
  if (kind === undefined) return r.markBad('ruleParams');
  if (text === undefined) return r.problem('ruleParams', 'chưa điền “Tham số tính điểm” (xem ví dụ ở sheet “Hướng dẫn”)');
  const parsed = parseRule(kind, text);
  return parsed.ok ? parsed.rule : r.problem('ruleParams', `“Tham số tính điểm” (${RULE_KINDS[kind]}): ${parsed.message}`);
}

function readEvidence(r: RowReader): Loose | undefined {
  const keys = ['evidenceVi', 'evidenceEn', 'sourceVi', 'sourceEn', 'verifiedByVi', 'verifiedByEn'];
  const required = r.boolean('evidenceRequired');
  if (required === undefined) {
    if (!r.has('evidenceRequired') && keys.some((k) => r.has(k)))
      r.problem('evidenceRequired', 'chỉ tiêu có minh chứng: hãy ghi "Có" hoặc "Không"');
    return undefined;
  }
  const vi = r.text('evidenceVi')?.split('\n') ?? [];
  const en = r.text('evidenceEn')?.split('\n') ?? [];
  if (vi.length !== en.length)
    r.problem('evidenceEn', `có ${en.length} dòng, cột tiếng Việt có ${vi.length} dòng: mỗi tài liệu một dòng ở cả hai cột`);
  return compact({
    required,
    items: vi.map((x, i) => ({ vi: x.trim() || undefined, en: en[i]?.trim() || undefined })),
    source: text2(r.text('sourceVi'), r.text('sourceEn')),
    verifiedBy: text2(r.text('verifiedByVi'), r.text('verifiedByEn')),
  });
}

function readGuidance(r: RowReader): Loose | undefined {
  const levels = [0, 1, 2, 3].map((n) => r.text(`level${n}`));
  const vi = r.text('guidanceVi');
  const en = r.text('guidanceEn');
  const anyLevel = levels.some((l) => l !== undefined);
  if (vi === undefined && en === undefined && !anyLevel) return undefined;
  return compact({ vi, en, levels: anyLevel ? levels : undefined });
}

function readAreaTypes(r: RowReader): string[] | undefined {
  const items = r.list('areaTypes', false);
  if (!items) return undefined;
  const keys = items.map((t) => keyOf(AREA_TYPE_LABELS, t));
  const unknown = items.filter((_, i) => keys[i] === undefined);
  if (unknown.length > 0)
    return r.problem(
      'areaTypes',
      `không có loại địa bàn "${unknown.join('; ')}"; chọn ${choices(Object.values(AREA_TYPE_LABELS))}, cách nhau bằng dấu ;`,
    );
  return keys as string[];
}

export function readIndicator(r: RowReader): Loose {
  return compact({
    code: r.text('code'),
    group: r.text('group'),
    vi: r.text('vi'),
    en: r.text('en'),
    points: r.number('points'),
    input: readInput(r, r.choice('inputKind', INPUT_KINDS)),
    rule: readRule(r),
    required: r.boolean('required'),
    areaTypes: readAreaTypes(r),
    links: r.list('links', true),
    ownQuestion: r.boolean('ownQuestion'),
    actor: r.choice('actor', ACTORS),
    evidence: readEvidence(r),
    guidance: readGuidance(r),
  });
}

/**
 * The "Tham số tính điểm" cell: a rule's parameters as a reviewer would write them by hand,
 * entries separated by ";" or line breaks. Written and read by the same table, so that every
 * rule the format can hold round-trips:
 *   status      0: 0; 1: 1/3; 2: 2/3; 3: 1        fraction of the points per status 0…3
 *   yesno       có: 1; không: 0                   fraction for "yes" and for "no"
 *   choice      chair: 1; vice: 1/2; none: 0      fraction per option id
 *   steps       ≥1: 5; ≥2: 10; ≥4: 20             points from each count up
 *   thresholds  ≥30%: 5; ≥50%: 10; ≥62,5%: 15     points from each percentage up
 *   ratio       b = 0: 0 điểm                     or "b = 0: đủ điểm", "b = 0: không tính"
 * Fractions are "a/b" (kept exactly) or decimals with "." or ",".
 */
import type { CriteriaRule } from '../../domain/criteria';
import type { Fraction } from '../../domain/criteria/schema';

export type RuleKind = CriteriaRule['kind'];
type Parsed = { ok: true; rule: CriteriaRule } | { ok: false; message: string };

export const WHEN_B_IS_ZERO = { full: 'đủ điểm', zero: '0 điểm', 'not-counted': 'không tính' } as const;
type WhenBIsZero = keyof typeof WHEN_B_IS_ZERO;

export const formatFraction = (f: Fraction): string => String(f);

/** "1/3" stays the string "1/3" (exact); "0,5" and "0.5" are the number 0.5. */
export function parseFraction(text: string): Fraction | undefined {
  const t = text.trim();
  if (/^\d+\s*\/\s*\d+$/.test(t)) return t.replace(/\s+/g, '');
  return parseDecimal(t);
}

/** A plain decimal as people type it: "12", "62.5", "62,5". */
export function parseDecimal(text: string): number | undefined {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

export function formatRule(rule: CriteriaRule): string {
  switch (rule.kind) {
    case 'status':
      return rule.fractions.map((f, i) => `${i}: ${formatFraction(f)}`).join('; ');
    case 'yesno':
      return `có: ${formatFraction(rule.yes)}; không: ${formatFraction(rule.no)}`;
    case 'choice':
      return Object.entries(rule.fractions)
        .map(([id, f]) => `${id}: ${formatFraction(f)}`)
        .join('; ');
    case 'steps':
      return rule.steps.map((s) => `≥${s.min}: ${s.points}`).join('; ');
    case 'thresholds':
      return rule.thresholds.map((s) => `≥${s.min}%: ${s.points}`).join('; ');
    case 'ratio':
      return `b = 0: ${WHEN_B_IS_ZERO[rule.whenBIsZero]}`;
  }
}

/** Entries "key: value", split on ";" or line breaks. */
function entries(text: string): { key: string; value: string; raw: string }[] | string {
  const out: { key: string; value: string; raw: string }[] = [];
  for (const raw of text.split(/[;\n]/).map((s) => s.trim())) {
    if (raw === '') continue;
    const colon = raw.indexOf(':');
    if (colon < 0) return `"${raw}" thiếu dấu hai chấm: viết dạng "khoá: giá trị"`;
    out.push({ key: raw.slice(0, colon).trim(), value: raw.slice(colon + 1).trim(), raw });
  }
  return out;
}

const FRACTION_HINT = 'viết số từ 0 đến 1 (0,5) hoặc phân số (1/2)';

function fractionOf(e: { value: string; raw: string }): { value: Fraction } | { error: string } {
  const value = parseFraction(e.value);
  return value === undefined ? { error: `"${e.raw}": "${e.value}" không phải phân số; ${FRACTION_HINT}` } : { value };
}

function ladder(list: { key: string; value: string; raw: string }[], percent: boolean) {
  const out: { min: number; points: number }[] = [];
  for (const e of list) {
    const min = parseDecimal(e.key.replace(/^(≥|>=)/, '').replace(/%$/, ''));
    const points = parseDecimal(e.value.replace(/\s*điểm$/, ''));
    if (min === undefined) return `"${e.raw}": "${e.key}" không phải ${percent ? 'tỷ lệ phần trăm' : 'số'}`;
    if (points === undefined) return `"${e.raw}": "${e.value}" không phải số điểm`;
    out.push({ min, points });
  }
  return out.length > 0 ? out : `chưa có ${percent ? 'ngưỡng' : 'bậc'} nào: viết dạng "${percent ? '≥50%: 10' : '≥1: 5'}"`;
}

/** The rule of the given kind, from its cell's text; or a Vietnamese reason. */
export function parseRule(kind: RuleKind, text: string): Parsed {
  const list = entries(text);
  if (typeof list === 'string') return { ok: false, message: list };
  const fail = (message: string): Parsed => ({ ok: false, message });
  const fractions = new Map<string, Fraction>();
  if (kind !== 'steps' && kind !== 'thresholds' && kind !== 'ratio')
    for (const e of list) {
      const f = fractionOf(e);
      if ('error' in f) return fail(f.error);
      // Option ids are case-sensitive codes; "Có" and "có" are the same word.
      const key = kind === 'choice' ? e.key : e.key.toLowerCase();
      if (fractions.has(key)) return fail(`"${e.key}" được ghi hai lần`);
      fractions.set(key, f.value);
    }
  switch (kind) {
    case 'status': {
      const keys = [...fractions.keys()];
      if (keys.join() !== '0,1,2,3') return fail('cần đủ 4 trạng thái theo thứ tự: "0: …; 1: …; 2: …; 3: …"');
      return { ok: true, rule: { kind, fractions: [...fractions.values()] } };
    }
    case 'yesno': {
      const yes = fractions.get('có');
      const no = fractions.get('không');
      if (yes === undefined || no === undefined || fractions.size !== 2) return fail('cần đúng hai mục "có: …; không: …"');
      return { ok: true, rule: { kind, yes, no } };
    }
    case 'choice':
      return fractions.size > 0
        ? { ok: true, rule: { kind, fractions: Object.fromEntries(fractions) } }
        : fail('chưa có lựa chọn nào: viết dạng "mã: 1; mã khác: 1/2"');
    case 'steps':
    case 'thresholds': {
      const steps = ladder(list, kind === 'thresholds');
      if (typeof steps === 'string') return fail(steps);
      return { ok: true, rule: kind === 'steps' ? { kind, steps } : { kind, thresholds: steps } };
    }
    case 'ratio': {
      const e = list[0];
      const when = (Object.keys(WHEN_B_IS_ZERO) as WhenBIsZero[]).find(
        (k) => e !== undefined && (WHEN_B_IS_ZERO[k] === e.value.toLowerCase() || k === e.value),
      );
      if (list.length !== 1 || !e || e.key.replace(/\s+/g, '') !== 'b=0' || when === undefined)
        return fail('viết một trong: "b = 0: đủ điểm", "b = 0: 0 điểm", "b = 0: không tính"');
      return { ok: true, rule: { kind, whenBIsZero: when } };
    }
  }
}

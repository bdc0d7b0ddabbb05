/** The "Tham số tính điểm" cell: every rule kind written and read back, and what a mistake is told. */
import { describe, expect, it } from 'vitest';
import type { CriteriaRule } from '../../../src/domain/criteria';
import { formatRule, parseFraction, parseRule } from '../../../src/server/criteria-workbook/rule-syntax';

const RULES: [CriteriaRule, string][] = [
  [{ kind: 'status', fractions: [0, '1/3', '2/3', 1] }, '0: 0; 1: 1/3; 2: 2/3; 3: 1'],
  [{ kind: 'yesno', yes: 1, no: 0.25 }, 'có: 1; không: 0.25'],
  [{ kind: 'choice', fractions: { chair: 1, vice: '1/2', none: 0 } }, 'chair: 1; vice: 1/2; none: 0'],
  [
    {
      kind: 'steps',
      steps: [
        { min: 1, points: 5 },
        { min: 4, points: 20 },
      ],
    },
    '≥1: 5; ≥4: 20',
  ],
  [{ kind: 'thresholds', thresholds: [{ min: 62.5, points: 10 }] }, '≥62.5%: 10'],
  [{ kind: 'ratio', whenBIsZero: 'not-counted' }, 'b = 0: không tính'],
];

describe('rule parameters cell', () => {
  for (const [rule, text] of RULES)
    it(`writes and reads a ${rule.kind} rule as "${text}"`, () => {
      expect(formatRule(rule)).toBe(text);
      expect(parseRule(rule.kind, text)).toEqual({ ok: true, rule });
    });

  it('reads what people type: line breaks, "Có", decimal commas, no "≥", "điểm", ">="', () => {
    expect(parseRule('yesno', 'Có: 1\nKhông: 0,5')).toEqual({ ok: true, rule: { kind: 'yesno', yes: 1, no: 0.5 } });
    expect(parseRule('thresholds', '>=50%: 5 điểm; 80: 10')).toEqual({
      ok: true,
      rule: {
        kind: 'thresholds',
        thresholds: [
          { min: 50, points: 5 },
          { min: 80, points: 10 },
        ],
      },
    });
    expect(parseRule('ratio', 'b=0: Đủ điểm')).toEqual({ ok: true, rule: { kind: 'ratio', whenBIsZero: 'full' } });
    expect(parseFraction(' 2 / 3 ')).toBe('2/3');
  });

  it('says what is wrong', () => {
    expect(parseRule('status', '0: 0; 1: 1/3; 3: 1')).toEqual({
      ok: false,
      message: 'cần đủ 4 trạng thái theo thứ tự: "0: …; 1: …; 2: …; 3: …"',
    });
    expect(parseRule('yesno', 'có 1')).toEqual({ ok: false, message: '"có 1" thiếu dấu hai chấm: viết dạng "khoá: giá trị"' });
    expect(parseRule('choice', 'a: 1; a: 0')).toEqual({ ok: false, message: '"a" được ghi hai lần' });
    expect(parseRule('steps', '≥một: 5')).toEqual({ ok: false, message: '"≥một: 5": "≥một" không phải số' });
    expect(parseRule('thresholds', '')).toEqual({ ok: false, message: 'chưa có ngưỡng nào: viết dạng "≥50%: 10"' });
  });
});

/**
 * A criteria set's validation problems as a provincial reviewer reads them: in Vietnamese, each
 * with the JSON path of the field ("groups[2].points"). The domain's schema and cross-field checks
 * (src/domain/criteria/validate.ts) speak English to developers; this turns every issue they raise
 * into one sentence of the shared contract's Problem shape, keeping the specifics (codes, numbers);
 * the domain's own messages are worded in the table workbook cells share (domain-messages.ts).
 * An English message this table does not know is passed through rather than lost.
 */
import type { z } from 'zod';
import { domainMessage } from '../criteria-workbook/domain-messages';
import { jsonPath, type Problem } from '../criteria-workbook/problem';

/** One problem of an uploaded set (the contract of issue #12), as the workbook reader reports them too. */
export type CriteriaSetProblem = Problem;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi chữ',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng',
  record: 'đối tượng',
};

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
}

function generic(issue: z.core.$ZodIssue, raw: unknown): string {
  const value = valueAt(raw, issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? `thiếu trường bắt buộc (${TYPE_NAMES[issue.expected] ?? issue.expected})`
        : `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}, không phải ${shown(value)}`;
    case 'too_small':
      if (issue.origin === 'array') return `cần ít nhất ${String(issue.minimum)} mục`;
      if (issue.origin === 'string') return 'không được để trống';
      return `phải ${issue.inclusive ? 'từ' : 'lớn hơn'} ${String(issue.minimum)} trở lên`;
    case 'too_big':
      if (issue.origin === 'array') return `nhiều nhất ${String(issue.maximum)} mục`;
      return `không được lớn hơn ${String(issue.maximum)}`;
    case 'invalid_value':
      return `giá trị ${shown(value)} không hợp lệ; chỉ được dùng: ${issue.values.map((v) => shown(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không thuộc định dạng: ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return `loại ${shown(value)} không có; chỉ được dùng: ${options.map((o) => shown(o)).join(', ')}`;
      return `giá trị ${shown(value)} không hợp lệ`;
    }
    case 'invalid_format':
      return `giá trị ${shown(value)} sai định dạng`;
    default:
      return issue.message;
  }
}

/** One Problem per issue, in the order zod reports them (every one, not only the first). */
export function problemsOf(error: z.ZodError, raw: unknown): CriteriaSetProblem[] {
  return error.issues.map((issue) => {
    const message = domainMessage(issue.message, 'json') ?? generic(issue, raw);
    const path = jsonPath(issue.path);
    return path === '' ? { message } : { message, path };
  });
}

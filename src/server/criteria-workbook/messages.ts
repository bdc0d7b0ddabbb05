/**
 * The domain validation's problems (zod issues; the cross-field checks of
 * src/domain/criteria/validate.ts speak English) in Vietnamese, about the column the reviewer
 * sees. The English cross-field messages are matched in the table JSON uploads share
 * (./domain-messages.ts); one it does not word keeps its English text after the column's name
 * rather than being dropped.
 */
import type { z } from 'zod';
import { domainMessage } from './domain-messages';

type Issue = z.core.$ZodIssue;

const FORMAT_HINTS: Record<string, string> = {
  id: 'chỉ gồm chữ thường không dấu, số, dấu chấm và gạch ngang (ví dụ ha-noi-xa)',
  version: 'viết dạng năm.số, ví dụ 2026.1',
  below: 'phải là số từ 0 đến 1 hoặc phân số a/b',
  fraction: 'phải là số từ 0 đến 1 hoặc phân số a/b',
};
const CODE_HINT = 'chỉ gồm chữ, số và các dấu . _ -, bắt đầu bằng chữ hoặc số';

const num = (n: unknown): string => String(n).replace('.', ',');

function formatHint(issue: Issue, key: string, isSetId: boolean): string {
  if (isSetId) return FORMAT_HINTS.id ?? '';
  return FORMAT_HINTS[key] ?? (issue.message.includes('a/b') ? (FORMAT_HINTS.fraction ?? '') : CODE_HINT);
}

/** The Vietnamese for one zod issue about the field labelled `label`. */
export function issueMessage(issue: Issue, label: string, path: readonly PropertyKey[]): string {
  const key = String([...path].reverse().find((p) => typeof p === 'string') ?? '');
  const got = 'input' in issue && issue.input !== undefined ? ` (đang ghi "${String(issue.input)}")` : '';
  switch (issue.code) {
    case 'invalid_type':
      if (!('input' in issue) || issue.input === undefined) return `chưa điền “${label}”`;
      if (issue.expected === 'int') return `“${label}” phải là số nguyên${got}`;
      return `“${label}” sai kiểu: cần ${issue.expected === 'number' ? 'một số' : issue.expected === 'string' ? 'văn bản' : issue.expected}${got}`;
    case 'too_small':
      if (issue.origin === 'string') return `chưa điền “${label}”`;
      if (issue.origin === 'array') return `“${label}” cần ${issue.exact ? 'đúng' : 'ít nhất'} ${num(issue.minimum)} mục`;
      if (Number(issue.minimum) === 0) return `“${label}” ${issue.inclusive ? 'không được âm' : 'phải lớn hơn 0'}${got}`;
      return `“${label}” phải từ ${num(issue.minimum)} trở lên${got}`;
    case 'too_big':
      if (issue.origin === 'array') return `“${label}” có nhiều nhất ${num(issue.maximum)} mục`;
      return `“${label}” không được lớn hơn ${num(issue.maximum)}${got}`;
    case 'invalid_format':
      return `“${label}” ${formatHint(issue, key, path.length === 1 && key === 'id')}${got}`;
    case 'invalid_union':
      return `“${label}” phải là số từ 0 đến 1 hoặc phân số a/b${got}`;
    case 'invalid_value':
      return `“${label}” phải là một trong: ${issue.values.map((v) => `"${String(v)}"`).join(', ')}${got}`;
    case 'custom':
      return customMessage(issue.message, label);
    default:
      return `“${label}”: ${issue.message}`;
  }
}

/** A cross-field check's message in Vietnamese; one the table does not word keeps its English after the column's name. */
export function customMessage(english: string, label: string): string {
  return domainMessage(english, 'cell') ?? `“${label}”: ${english}`;
}

/**
 * The domain validation's problems (zod issues; the cross-field checks of
 * src/domain/criteria/validate.ts speak English) in Vietnamese, about the column the reviewer
 * sees. The English cross-field messages are matched by pattern; one no pattern knows keeps its
 * English text after the column's name rather than being dropped.
 */
import type { z } from 'zod';
import { RULE_KINDS } from './labels';

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

const TRANSLATIONS: [RegExp, (...m: string[]) => string][] = [
  [/^duplicate group id "(.*)"$/, (x) => `mã nhóm "${x}" bị trùng`],
  [/^duplicate indicator code "(.*)"$/, (x) => `mã chỉ tiêu "${x}" bị trùng`],
  [/^duplicate option id "(.*)"$/, (x) => `mã lựa chọn "${x}" bị trùng`],
  [/^duplicate gate id "(.*)"$/, (x) => `mã điều kiện "${x}" bị trùng`],
  [/^unknown group "(.*)"$/, (x) => `không có nhóm "${x}" trong sheet “Nhóm”`],
  [/^cycle in groups through "(.*)"$/, (x) => `nhóm "${x}" nằm trong chính nó (vòng lặp nhóm cha)`],
  [/^a member of a sum needs its points$/, () => 'cần điểm tối đa vì nhóm cha (hoặc cả bộ) tính bằng cộng điểm'],
  [/^group "(.*)" has no members$/, (x) => `nhóm "${x}" không có chỉ tiêu hay nhóm con nào`],
  [
    /^points (\S+) do not add up: its members total (\S+)$/,
    (p, t) => `${p} điểm không khớp: các mục con cộng lại được ${t} điểm`,
  ],
  [
    /^points (\S+) do not add up: the top-level groups total (\S+)$/,
    (p, t) => `${p} điểm không khớp: các nhóm cấp cao nhất cộng lại được ${t} điểm`,
  ],
  [
    /^a measured (\S+) input is scored by a "(.*)" rule, not "(.*)"$/,
    (_m, rule) => `số liệu đo được này tính theo “${RULE_KINDS[rule as keyof typeof RULE_KINDS] ?? rule}”`,
  ],
  [/^a (\S+) input is scored by a "(.*)" rule, not "(.*)"$/, () => 'không hợp với loại nhập liệu (xem bảng ở sheet “Hướng dẫn”)'],
  [/^fraction (\S+) is above 1$/, (f) => `phân số ${f} lớn hơn 1`],
  [/^no fraction for option "(.*)"$/, (x) => `thiếu phân số cho lựa chọn "${x}"`],
  [/^unknown option "(.*)"$/, (x) => `không có lựa chọn "${x}" trong cột “Các lựa chọn”`],
  [/^(\S+) points exceed the maximum (\S+)$/, (p, m) => `${p} điểm vượt điểm tối đa ${m} của chỉ tiêu`],
  [/^steps must ascend strictly$/, () => 'các bậc (ngưỡng) phải tăng dần, không trùng nhau'],
  [/^component (\S+) is already scored by another indicator$/, (c) => `thành phần ${c} đã được một chỉ tiêu khác chấm`],
  [/^unknown catalogue component "(.*)"$/, (c) => `danh mục không có thành phần "${c}"`],
  [
    /^(\S+) is provided by the (\S+) level: a commune cannot score it$/,
    (c) => `${c} do cấp trên cung cấp: xã không tự chấm được`,
  ],
  [
    /^"(.*)" is a component code with another meaning$/,
    (c) => `"${c}" là mã một thành phần danh mục có nghĩa khác; hãy đặt mã khác`,
  ],
  [/^the first level must start at 0$/, () => 'mức đầu tiên phải bắt đầu từ 0 điểm'],
  [/^levels must ascend strictly in both level and min$/, () => 'các mức phải tăng dần cả số mức lẫn điểm'],
  [/^above the maximum total (\S+)$/, (t) => `vượt tổng điểm ${t}`],
  [/^capLevel is not a defined level$/, () => 'mức này không có trong sheet “Mức”'],
  [/^unknown indicator "(.*)"$/, (c) => `không có chỉ tiêu "${c}" trong sheet “Chỉ tiêu”`],
  [/^a template must carry a notice saying it is a template$/, () => 'bộ mẫu phải có lưu ý nói rằng đây là bộ mẫu'],
  [/^status scale must list 0, 1, 2, 3 in order$/, () => 'thang trạng thái phải liệt kê 0, 1, 2, 3 theo thứ tự'],
  [/^does not list catalogue version (\S+)$/, (v) => `chưa có phiên bản danh mục ${v}`],
  [/^not NFC$/, () => 'văn bản chưa ở dạng Unicode dựng sẵn (NFC)'],
];

/** A cross-field check's message in Vietnamese; one no pattern knows keeps its English after the column's name. */
export function customMessage(english: string, label: string): string {
  for (const [pattern, vi] of TRANSLATIONS) {
    const m = pattern.exec(english);
    if (m) return vi(...m.slice(1));
  }
  return `“${label}”: ${english}`;
}

/**
 * A criteria set's validation problems as a provincial reviewer reads them: in Vietnamese, each
 * with the JSON path of the field ("groups[2].points"). The domain's schema and cross-field checks
 * (src/domain/criteria/validate.ts) speak English to developers; this turns every issue they raise
 * into one sentence of the shared contract's Problem shape, keeping the specifics (codes, numbers).
 * An English message this table does not know is passed through rather than lost.
 */
import type { z } from 'zod';
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

const WHAT: Record<string, string> = {
  'group id': 'mã nhóm',
  'indicator code': 'mã chỉ tiêu',
  'option id': 'mã lựa chọn',
  'gate id': 'mã điều kiện chặn',
};

/** The English messages of src/domain/criteria (schema.ts, validate.ts), each with its Vietnamese. */
const CUSTOM: [RegExp, (...m: string[]) => string][] = [
  [/^duplicate (.+) "(.*)"$/, (what, x) => `${WHAT[what] ?? what} "${x}" bị trùng`],
  [/^fraction (.+) is above 1$/, (f) => `tỉ lệ ${f} lớn hơn 1`],
  [/^unknown group "(.*)"$/, (g) => `không có nhóm "${g}"`],
  [/^cycle in groups through "(.*)"$/, (g) => `các nhóm lồng nhau thành vòng tròn qua nhóm "${g}"`],
  [/^a member of a sum needs its points$/, () => 'nhóm nằm trong một tổng cộng điểm phải ghi số điểm (points)'],
  [/^group "(.*)" has no members$/, (g) => `nhóm "${g}" không có chỉ tiêu hay nhóm con nào`],
  [
    /^points (\d+) do not add up: its members total (\d+)$/,
    (p, n) => `điểm ${p} không khớp: các chỉ tiêu và nhóm con cộng lại được ${n} điểm`,
  ],
  [
    /^points (\d+) do not add up: the top-level groups total (\d+)$/,
    (p, n) => `tổng điểm ${p} không khớp: các nhóm cấp cao nhất cộng lại được ${n} điểm`,
  ],
  [
    /^a (\w+) input is scored by a "(\w+)" rule, not "(\w+)"$/,
    (input, rule, got) => `đầu vào kiểu "${input}" phải chấm bằng quy tắc "${rule}", không phải "${got}"`,
  ],
  [/^no fraction for option "(.*)"$/, (o) => `thiếu tỉ lệ cho lựa chọn "${o}"`],
  [/^unknown option "(.*)"$/, (o) => `không có lựa chọn "${o}" trong đầu vào`],
  [/^(\d+) points exceed the maximum (\d+)$/, (p, max) => `${p} điểm vượt quá điểm tối đa ${max} của chỉ tiêu`],
  [/^steps must ascend strictly$/, () => 'các bậc phải tăng dần: mức sau phải lớn hơn mức trước'],
  [/^component (.+) is already scored by another indicator$/, (c) => `thành phần ${c} đã được một chỉ tiêu khác chấm điểm`],
  [/^unknown catalogue component "(.*)"$/, (c) => `danh mục không có thành phần "${c}"`],
  [
    /^(.+) is provided by the (.+) level: a commune cannot score it$/,
    (c, tier) => `${c} do cấp trên cung cấp (${tier}): xã không tự chấm được`,
  ],
  [/^"(.*)" is a component code with another meaning$/, (c) => `"${c}" là mã của một thành phần khác trong danh mục`],
  [/^the first level must start at 0$/, () => 'mức đầu tiên phải bắt đầu từ 0 điểm'],
  [/^levels must ascend strictly in both level and min$/, () => 'các mức phải tăng dần cả số thứ tự lẫn điểm tối thiểu'],
  [/^above the maximum total (.+)$/, (max) => `vượt tổng điểm tối đa ${max}`],
  [/^capLevel is not a defined level$/, () => 'mức bị giới hạn (capLevel) không phải một mức đã khai báo'],
  [/^unknown indicator "(.*)"$/, (c) => `không có chỉ tiêu "${c}"`],
  [/^a template must carry a notice saying it is a template$/, () => 'bộ mẫu phải có lời ghi chú (notice) nói rõ đây là bộ mẫu'],
  [/^status scale must list 0, 1, 2, 3 in order$/, () => 'thang trạng thái phải liệt kê 0, 1, 2, 3 theo thứ tự'],
  [/^does not list catalogue version (.+)$/, (v) => `chưa ghi phiên bản danh mục ${v} mà máy chủ đang dùng`],
  [/^a fraction written "a\/b"$/, () => 'tỉ lệ phải là số từ 0 đến 1 hoặc phân số viết "a/b" (ví dụ "2/3")'],
  [/^letters, digits, "\.", "_" or "-"$/, () => 'mã chỉ gồm chữ, chữ số và các dấu ".", "_", "-"'],
  [
    /^lower-case id, digits, dots and dashes$/,
    () => 'mã bộ tiêu chí chỉ gồm chữ thường không dấu, chữ số, dấu "." và "-" (ví dụ "cao-bang-chi-so-xa")',
  ],
  [/^version like 2026\.1$/, () => 'phiên bản viết dạng năm.số thứ tự, ví dụ "2026.1"'],
  [/^not NFC$/, () => 'chữ chưa ở dạng Unicode dựng sẵn (NFC); hãy gõ lại bằng bộ gõ tiếng Việt thông thường'],
];

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
    const custom = CUSTOM.find(([re]) => re.test(issue.message));
    const message = custom ? custom[1](...(issue.message.match(custom[0]) ?? []).slice(1)) : generic(issue, raw);
    const path = jsonPath(issue.path);
    return path === '' ? { message } : { message, path };
  });
}

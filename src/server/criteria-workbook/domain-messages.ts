/**
 * The one table of the domain's English validation messages (src/domain/criteria: schema.ts,
 * validate.ts) and their Vietnamese. A criteria set arrives as JSON or as a workbook and is
 * checked by the same domain code, so each message is matched once, here; only the wording
 * differs: a JSON upload names the field by its JSON path, so its sentence speaks of the
 * format's fields, while a workbook cell speaks of the sheets and columns the reviewer sees.
 * A row without a cell wording leaves the workbook reader's fallback (the column's name, then
 * the English), as one without a match does.
 */

import { RULE_KINDS } from './labels';

type Wording = (...match: string[]) => string | undefined;

interface DomainMessage {
  /** The English message, with its specifics (codes, numbers) captured. */
  english: RegExp;
  /** For a JSON upload (services/criteria-set-problems.ts). */
  json: Wording;
  /** For a workbook cell (./messages.ts). */
  cell?: Wording;
}

/** The field a duplicate is about, for each of the two wordings. */
const DUPLICATE_OF: Record<string, { json: string; cell: string }> = {
  'group id': { json: 'mã nhóm', cell: 'mã nhóm' },
  'indicator code': { json: 'mã chỉ tiêu', cell: 'mã chỉ tiêu' },
  'option id': { json: 'mã lựa chọn', cell: 'mã lựa chọn' },
  'gate id': { json: 'mã điều kiện chặn', cell: 'mã điều kiện' },
  'survey question id': { json: 'mã câu hỏi khảo sát', cell: 'mã câu hỏi' },
};

const DOMAIN_MESSAGES: readonly DomainMessage[] = [
  {
    english: /^duplicate (.+) "(.*)"$/,
    json: (what, x) => `${DUPLICATE_OF[what ?? '']?.json ?? what} "${x}" bị trùng`,
    cell: (what, x) => {
      const field = DUPLICATE_OF[what ?? '']?.cell;
      return field === undefined ? undefined : `${field} "${x}" bị trùng`;
    },
  },
  { english: /^fraction (\S+) is above 1$/, json: (f) => `tỉ lệ ${f} lớn hơn 1`, cell: (f) => `phân số ${f} lớn hơn 1` },
  {
    english: /^unknown group "(.*)"$/,
    json: (g) => `không có nhóm "${g}"`,
    cell: (g) => `không có nhóm "${g}" trong sheet “Nhóm”`,
  },
  {
    english: /^cycle in groups through "(.*)"$/,
    json: (g) => `các nhóm lồng nhau thành vòng tròn qua nhóm "${g}"`,
    cell: (g) => `nhóm "${g}" nằm trong chính nó (vòng lặp nhóm cha)`,
  },
  {
    english: /^a member of a sum needs its points$/,
    json: () => 'nhóm nằm trong một tổng cộng điểm phải ghi số điểm (points)',
    cell: () => 'cần điểm tối đa vì nhóm cha (hoặc cả bộ) tính bằng cộng điểm',
  },
  {
    english: /^group "(.*)" has no members$/,
    json: (g) => `nhóm "${g}" không có chỉ tiêu hay nhóm con nào`,
    cell: (g) => `nhóm "${g}" không có chỉ tiêu hay nhóm con nào`,
  },
  {
    english: /^points (\S+) do not add up: its members total (\S+)$/,
    json: (p, n) => `điểm ${p} không khớp: các chỉ tiêu và nhóm con cộng lại được ${n} điểm`,
    cell: (p, n) => `${p} điểm không khớp: các mục con cộng lại được ${n} điểm`,
  },
  {
    english: /^points (\S+) do not add up: the top-level groups total (\S+)$/,
    json: (p, n) => `tổng điểm ${p} không khớp: các nhóm cấp cao nhất cộng lại được ${n} điểm`,
    cell: (p, n) => `${p} điểm không khớp: các nhóm cấp cao nhất cộng lại được ${n} điểm`,
  },
  {
    // JSON has no wording of its own: the English is passed through (as before this table).
    english: /^a measured (\S+) input is scored by a "(.*)" rule, not "(.*)"$/,
    json: () => undefined,
    cell: (_m, rule) => `số liệu đo được này tính theo “${RULE_KINDS[rule as keyof typeof RULE_KINDS] ?? rule}”`,
  },
  {
    english: /^a (\S+) input is scored by a "(.*)" rule, not "(.*)"$/,
    json: (input, rule, got) => `đầu vào kiểu "${input}" phải chấm bằng quy tắc "${rule}", không phải "${got}"`,
    cell: () => 'không hợp với loại nhập liệu (xem bảng ở sheet “Hướng dẫn”)',
  },
  {
    english: /^no fraction for option "(.*)"$/,
    json: (o) => `thiếu tỉ lệ cho lựa chọn "${o}"`,
    cell: (o) => `thiếu phân số cho lựa chọn "${o}"`,
  },
  {
    english: /^unknown option "(.*)"$/,
    json: (o) => `không có lựa chọn "${o}" trong đầu vào`,
    cell: (o) => `không có lựa chọn "${o}" trong cột “Các lựa chọn”`,
  },
  {
    english: /^(\S+) points exceed the maximum (\S+)$/,
    json: (p, max) => `${p} điểm vượt quá điểm tối đa ${max} của chỉ tiêu`,
    cell: (p, max) => `${p} điểm vượt điểm tối đa ${max} của chỉ tiêu`,
  },
  {
    english: /^steps must ascend strictly$/,
    json: () => 'các bậc phải tăng dần: mức sau phải lớn hơn mức trước',
    cell: () => 'các bậc (ngưỡng) phải tăng dần, không trùng nhau',
  },
  {
    english: /^component (\S+) is already scored by another indicator$/,
    json: (c) => `thành phần ${c} đã được một chỉ tiêu khác chấm điểm`,
    cell: (c) => `thành phần ${c} đã được một chỉ tiêu khác chấm`,
  },
  {
    english: /^unknown catalogue component "(.*)"$/,
    json: (c) => `danh mục không có thành phần "${c}"`,
    cell: (c) => `danh mục không có thành phần "${c}"`,
  },
  {
    english: /^(\S+) is provided by the (\S+) level: a commune cannot score it$/,
    json: (c, tier) => `${c} do cấp trên cung cấp (${tier}): xã không tự chấm được`,
    cell: (c) => `${c} do cấp trên cung cấp: xã không tự chấm được`,
  },
  {
    english: /^"(.*)" is a component code with another meaning$/,
    json: (c) => `"${c}" là mã của một thành phần khác trong danh mục`,
    cell: (c) => `"${c}" là mã một thành phần danh mục có nghĩa khác; hãy đặt mã khác`,
  },
  {
    english: /^the first level must start at 0$/,
    json: () => 'mức đầu tiên phải bắt đầu từ 0 điểm',
    cell: () => 'mức đầu tiên phải bắt đầu từ 0 điểm',
  },
  {
    english: /^levels must ascend strictly in both level and min$/,
    json: () => 'các mức phải tăng dần cả số thứ tự lẫn điểm tối thiểu',
    cell: () => 'các mức phải tăng dần cả số mức lẫn điểm',
  },
  {
    english: /^above the maximum total (\S+)$/,
    json: (max) => `vượt tổng điểm tối đa ${max}`,
    cell: (t) => `vượt tổng điểm ${t}`,
  },
  {
    english: /^capLevel is not a defined level$/,
    json: () => 'mức bị giới hạn (capLevel) không phải một mức đã khai báo',
    cell: () => 'mức này không có trong sheet “Mức”',
  },
  {
    english: /^unknown indicator "(.*)"$/,
    json: (c) => `không có chỉ tiêu "${c}"`,
    cell: (c) => `không có chỉ tiêu "${c}" trong sheet “Chỉ tiêu”`,
  },
  {
    english: /^a template must carry a notice saying it is a template$/,
    json: () => 'bộ mẫu phải có lời ghi chú (notice) nói rõ đây là bộ mẫu',
    cell: () => 'bộ mẫu phải có lưu ý nói rằng đây là bộ mẫu',
  },
  {
    english: /^status scale must list 0, 1, 2, 3 in order$/,
    json: () => 'thang trạng thái phải liệt kê 0, 1, 2, 3 theo thứ tự',
    cell: () => 'thang trạng thái phải liệt kê 0, 1, 2, 3 theo thứ tự',
  },
  {
    english: /^does not list catalogue version (\S+)$/,
    json: (v) => `chưa ghi phiên bản danh mục ${v} mà máy chủ đang dùng`,
    cell: (v) => `chưa có phiên bản danh mục ${v}`,
  },
  // A set's own satisfaction survey (issue #15).
  {
    english: /^"(.*)" is the bundled survey's id$/,
    json: (id) => `"${id}" là mã của phiếu khảo sát mặc định; phiếu của tỉnh cần một mã khác`,
    cell: (id) => `"${id}" là mã của phiếu khảo sát mặc định; phiếu của tỉnh cần một mã khác`,
  },
  {
    english: /^the survey's version must be the set's, (\S+)$/,
    json: (v) => `phiên bản của phiếu khảo sát phải trùng phiên bản bộ tiêu chí, ${v}`,
    cell: (v) => `phiên bản của phiếu khảo sát phải trùng phiên bản bộ tiêu chí, ${v}`,
  },
  {
    english: /^at least one question must be on the 5-point scale$/,
    json: () => 'phiếu khảo sát cần ít nhất một câu hỏi theo thang 5 mức',
    cell: () => 'phiếu khảo sát cần ít nhất một câu hỏi “thang 5 mức”',
  },
  {
    english: /^unknown survey question "(.*)"$/,
    json: (q) => `phiếu khảo sát không có câu hỏi "${q}"`,
    cell: (q) => `phiếu khảo sát không có câu hỏi "${q}"`,
  },
  {
    english: /^the overall question "(.*)" must be on the 5-point scale$/,
    json: (q) => `câu hỏi chung "${q}" phải là câu hỏi theo thang 5 mức`,
    cell: (q) => `câu hỏi chung "${q}" phải là câu hỏi “thang 5 mức”, không phải “có/không”`,
  },
  {
    english: /^lower-case letters, digits and dashes$/,
    json: () => 'mã câu hỏi chỉ gồm chữ thường không dấu, chữ số và dấu "-"',
  },
  // Format messages of schema.ts: a workbook cell words these from its column (messages.ts, formatHint).
  {
    english: /^a fraction written "a\/b"$/,
    json: () => 'tỉ lệ phải là số từ 0 đến 1 hoặc phân số viết "a/b" (ví dụ "2/3")',
  },
  { english: /^letters, digits, "\.", "_" or "-"$/, json: () => 'mã chỉ gồm chữ, chữ số và các dấu ".", "_", "-"' },
  {
    english: /^lower-case id, digits, dots and dashes$/,
    json: () => 'mã bộ tiêu chí chỉ gồm chữ thường không dấu, chữ số, dấu "." và "-" (ví dụ "cao-bang-chi-so-xa")',
  },
  { english: /^version like 2026\.1$/, json: () => 'phiên bản viết dạng năm.số thứ tự, ví dụ "2026.1"' },
  {
    english: /^not NFC$/,
    json: () => 'chữ chưa ở dạng Unicode dựng sẵn (NFC); hãy gõ lại bằng bộ gõ tiếng Việt thông thường',
    cell: () => 'văn bản chưa ở dạng Unicode dựng sẵn (NFC)',
  },
];

/** The Vietnamese of a domain message in the given wording; undefined when the table has none. */
export function domainMessage(english: string, wording: 'json' | 'cell'): string | undefined {
  for (const row of DOMAIN_MESSAGES) {
    const m = row.english.exec(english);
    if (m) return row[wording]?.(...m.slice(1));
  }
  return undefined;
}

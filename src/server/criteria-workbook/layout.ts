/**
 * The workbook's layout: its sheets, their columns (header, width, what to write, an example),
 * in one place for the writer, the reader and the guide sheet. Columns are found by their
 * header, so a reviewer may reorder them; every required column must be there. The columns of
 * the indicators' sheet are in indicator-columns.ts.
 */
import { AGGREGATES, IF_NONE_COUNTED, NO, OPTIONAL, SURVEY_QUESTION_TYPES, YES } from './labels';

export const SHEETS = {
  guide: 'Hướng dẫn',
  set: 'Bộ tiêu chí',
  groups: 'Nhóm',
  indicators: 'Chỉ tiêu',
  levels: 'Mức',
  gates: 'Giới hạn mức',
  survey: 'Khảo sát',
} as const;

export interface Column {
  key: string;
  header: string;
  width: number;
  help: string;
  example?: string;
  /** Values offered by a drop-down (data validation). */
  list?: readonly string[];
  /** The sheet is refused without this column. */
  required?: boolean;
  /** Formatted as text, so that Excel keeps "1/2" and "2026.10" as written. */
  text?: boolean;
}

export const GROUP_COLUMNS: readonly Column[] = [
  { key: 'id', header: 'Mã nhóm', width: 12, required: true, help: 'Mã ngắn, duy nhất: chữ, số, dấu . _ -', example: 'HT' },
  { key: 'parent', header: 'Nhóm cha', width: 12, help: `Mã nhóm chứa nhóm này. Để trống: nhóm cấp cao nhất.`, example: '' },
  { key: 'vi', header: 'Tên nhóm (tiếng Việt)', width: 36, required: true, help: 'Tên hiển thị.', example: 'Hạ tầng số' },
  {
    key: 'en',
    header: 'Tên nhóm (tiếng Anh)',
    width: 30,
    required: true,
    help: 'Tên tiếng Anh.',
    example: 'Digital infrastructure',
  },
  {
    key: 'aggregate',
    header: 'Cách tổng hợp',
    width: 22,
    required: true,
    list: Object.values(AGGREGATES),
    help: '"cộng điểm": điểm nhóm là tổng điểm các chỉ tiêu; "trung bình có trọng số": trung bình theo trọng số của các mục con.',
    example: AGGREGATES.sum,
  },
  {
    key: 'points',
    header: 'Điểm tối đa',
    width: 12,
    help: 'Số nguyên dương; bắt buộc khi nhóm cha (hoặc cả bộ) cộng điểm, và phải bằng tổng điểm các mục con.',
    example: '120',
  },
  {
    key: 'weight',
    header: 'Trọng số',
    width: 10,
    help: `Số nguyên dương, chỉ dùng khi nhóm cha tính trung bình có trọng số (mặc định 1). ${OPTIONAL}`,
    example: '',
  },
  {
    key: 'ifNoneCounted',
    header: 'Khi không mục nào được tính',
    width: 24,
    required: true,
    list: Object.values(IF_NONE_COUNTED),
    help: 'Khi mọi mục của nhóm đều "không áp dụng": "bỏ qua nhóm" (không tính vào tổng) hoặc "tính 0 điểm".',
    example: IF_NONE_COUNTED['not-counted'],
  },
];

export const LEVEL_COLUMNS: readonly Column[] = [
  { key: 'level', header: 'Mức', width: 8, required: true, help: 'Số thứ tự mức: 1, 2, 3… tăng dần.', example: '2' },
  {
    key: 'min',
    header: 'Từ điểm',
    width: 10,
    required: true,
    help: 'Tổng điểm tối thiểu để đạt mức; mức đầu tiên từ 0, các mức sau tăng dần.',
    example: '250',
  },
  { key: 'vi', header: 'Tên mức (tiếng Việt)', width: 24, required: true, help: 'Tên hiển thị.', example: 'Cơ bản' },
  { key: 'en', header: 'Tên mức (tiếng Anh)', width: 20, required: true, help: 'Bản tiếng Anh.', example: 'Basic' },
];

export const GATE_COLUMNS: readonly Column[] = [
  {
    key: 'id',
    header: 'Mã điều kiện',
    width: 20,
    required: true,
    help: 'Mã duy nhất: chữ, số, dấu . _ -',
    example: 'baseline-security',
  },
  {
    key: 'indicators',
    header: 'Các chỉ tiêu',
    width: 16,
    required: true,
    help: 'Mã các chỉ tiêu, cách nhau bằng dấu ;',
    example: 'AT1',
  },
  {
    key: 'below',
    header: 'Khi đạt dưới',
    width: 12,
    required: true,
    text: true,
    help: 'Phân số của điểm tối đa (1/2 hoặc 0,5): khi một chỉ tiêu được tính đạt dưới mức này…',
    example: '2/3',
  },
  {
    key: 'capLevel',
    header: 'Mức tối đa',
    width: 10,
    required: true,
    help: '…thì xếp loại không vượt quá mức này (một mức có trong sheet "Mức").',
    example: '2',
  },
  {
    key: 'vi',
    header: 'Giải thích (tiếng Việt)',
    width: 60,
    required: true,
    help: 'Câu giải thích hiển thị cho xã.',
    example: 'An toàn thông tin là điều kiện tiên quyết…',
  },
  {
    key: 'en',
    header: 'Giải thích (tiếng Anh)',
    width: 50,
    required: true,
    help: 'Bản tiếng Anh.',
    example: 'Information security is a prerequisite…',
  },
];

/** The set sheet: one row per field, found by its label in column A. */
export interface SetRow {
  key: string;
  label: string;
  help: string;
  /** Vietnamese in column B, English in column C. */
  bilingual?: boolean;
  required?: boolean;
  text?: boolean;
  list?: readonly string[];
}

export const SET_ROWS: readonly SetRow[] = [
  {
    key: 'id',
    label: 'Mã bộ tiêu chí',
    required: true,
    help: 'Chữ thường không dấu, số, dấu chấm và gạch ngang; không trùng bộ của tỉnh khác.',
  },
  {
    key: 'version',
    label: 'Phiên bản',
    required: true,
    text: true,
    help: 'Dạng năm.số, ví dụ 2026.1; bản sửa đổi là phiên bản mới (2026.2).',
  },
  { key: 'title', label: 'Tên bộ tiêu chí', bilingual: true, required: true, help: 'Tiếng Việt ở cột B, tiếng Anh ở cột C.' },
  {
    key: 'notice',
    label: 'Lưu ý',
    bilingual: true,
    help: 'Hiển thị mọi nơi bộ tiêu chí được nêu tên; bắt buộc với bộ mẫu. Để trống nếu không có.',
  },
  {
    key: 'template',
    label: 'Là bộ mẫu',
    required: true,
    list: [YES, NO],
    help: '"Có" chỉ với bộ mẫu để tham khảo; bộ tiêu chí của tỉnh ghi "Không".',
  },
  {
    key: 'catalogueVersions',
    label: 'Phiên bản danh mục',
    required: true,
    text: true,
    help: 'Các phiên bản danh mục chuyển đổi số dùng được với bộ này, cách nhau bằng dấu ;',
  },
  {
    key: 'aggregate',
    label: 'Cách tính tổng',
    required: true,
    list: Object.values(AGGREGATES),
    help: '"cộng điểm" hoặc "trung bình có trọng số" các nhóm cấp cao nhất.',
  },
  {
    key: 'points',
    label: 'Tổng điểm',
    required: true,
    help: 'Số nguyên dương, ví dụ 1000; khi cộng điểm, phải bằng tổng điểm các nhóm cấp cao nhất.',
  },
  { key: 'decimals', label: 'Số chữ số thập phân', required: true, help: 'Làm tròn điểm hiển thị: 0 đến 4 chữ số sau dấu phẩy.' },
  ...[0, 1, 2, 3].map((n) => ({
    key: `status${n}`,
    label: `Trạng thái ${n}`,
    bilingual: true,
    required: true,
    help: `Tên trạng thái ${n} trong thang 0–3 mà xã chọn cho mỗi thành phần.`,
  })),
  {
    key: 'surveyId',
    label: 'Mã phiếu khảo sát',
    help: `Chỉ khi tỉnh có phiếu khảo sát mức độ hài lòng riêng (sheet “${SHEETS.survey}”): chữ thường không dấu, số, dấu chấm và gạch ngang, khác "survey-default". Để trống: các xã dùng phiếu mặc định.`,
  },
  {
    key: 'surveyTitle',
    label: 'Tên phiếu khảo sát',
    bilingual: true,
    help: 'Tên phiếu hiển thị trên máy của tổ công nghệ số cộng đồng; tiếng Việt ở cột B, tiếng Anh ở cột C.',
  },
  ...[1, 2, 3, 4, 5].map((n) => ({
    key: `surveyScale${n}`,
    label: `Thang khảo sát ${n}`,
    bilingual: true,
    help: `Nhãn của mức ${n} trong thang 5 mức của phiếu khảo sát (đã điền sẵn như phiếu mặc định).`,
  })),
  { key: '$schema', label: 'Lược đồ JSON ($schema)', help: 'Chỉ dùng khi chuyển sang JSON; có thể để trống.' },
];

/** The sheet "Khảo sát": one row per question of the province's own survey (issue #15); may be left empty. */
export const SURVEY_COLUMNS: readonly Column[] = [
  {
    key: 'id',
    header: 'Mã câu hỏi',
    width: 22,
    required: true,
    help: 'Chữ thường không dấu, chữ số và dấu -; không trùng nhau.',
    example: 'danh-gia-chung',
  },
  {
    key: 'type',
    header: 'Loại',
    width: 16,
    required: true,
    list: Object.values(SURVEY_QUESTION_TYPES),
    help: '"thang 5 mức" (từ 1 đến 5, nhãn ở sheet “Bộ tiêu chí”) hoặc "có/không".',
    example: SURVEY_QUESTION_TYPES.scale5,
  },
  {
    key: 'vi',
    header: 'Câu hỏi',
    width: 60,
    required: true,
    help: 'Câu hỏi đọc cho người dân.',
    example: 'Nhìn chung, ông/bà hài lòng thế nào với sự hỗ trợ hôm nay?',
  },
  {
    key: 'en',
    header: 'Câu hỏi tiếng Anh',
    width: 50,
    required: true,
    help: 'Bản tiếng Anh.',
    example: 'Overall, how satisfied are you with the help today?',
  },
  {
    key: 'overall',
    header: 'Câu hỏi chung (x)',
    width: 14,
    help: 'Ghi x ở đúng một câu hỏi thang 5 mức: câu trả lời của nó là mức độ hài lòng được tổng hợp.',
    example: 'x',
  },
];

export { INDICATOR_COLUMNS } from './indicator-columns';

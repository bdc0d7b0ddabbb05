/**
 * The workbook's layout: its sheets, their columns (header, width, what to write, an example),
 * in one place for the writer, the reader and the guide sheet. Columns are found by their
 * header, so a reviewer may reorder them; every required column must be there.
 */
import { ACTORS, AGGREGATES, IF_NONE_COUNTED, INPUT_KINDS, NO, RULE_KINDS, YES } from './labels';

export const SHEETS = {
  guide: 'Hướng dẫn',
  set: 'Bộ tiêu chí',
  groups: 'Nhóm',
  indicators: 'Chỉ tiêu',
  levels: 'Mức',
  gates: 'Giới hạn mức',
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

const yesNo = [YES, NO] as const;
const BOTH = 'Có hoặc Không';
const OPTIONAL = 'Để trống nếu không có.';

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

export const INDICATOR_COLUMNS: readonly Column[] = [
  { key: 'group', header: 'Nhóm', width: 8, required: true, help: 'Mã nhóm (sheet "Nhóm") của chỉ tiêu.', example: 'HT' },
  { key: 'code', header: 'Mã chỉ tiêu', width: 10, required: true, help: 'Mã duy nhất: chữ, số, dấu . _ -', example: 'HT3' },
  {
    key: 'vi',
    header: 'Tên chỉ tiêu (tiếng Việt)',
    width: 50,
    required: true,
    help: 'Nội dung chỉ tiêu như cán bộ xã đọc trên điện thoại.',
    example: 'Tỷ lệ cán bộ, công chức có máy tính phục vụ công việc',
  },
  {
    key: 'en',
    header: 'Tên chỉ tiêu (tiếng Anh)',
    width: 40,
    required: true,
    help: 'Bản tiếng Anh.',
    example: 'Officials with a work computer',
  },
  {
    key: 'points',
    header: 'Điểm tối đa',
    width: 10,
    required: true,
    help: 'Số nguyên dương. Tổng điểm các chỉ tiêu của một nhóm "cộng điểm" phải bằng điểm của nhóm.',
    example: '25',
  },
  {
    key: 'required',
    header: 'Bắt buộc trả lời',
    width: 10,
    required: true,
    list: yesNo,
    help: `${BOTH}: xã phải trả lời trước khi gửi.`,
    example: YES,
  },
  {
    key: 'inputKind',
    header: 'Loại nhập liệu',
    width: 14,
    required: true,
    list: Object.values(INPUT_KINDS),
    help: 'Xã nhập gì: "trạng thái" (0–3), "có/không", "lựa chọn" (một trong các lựa chọn), "số lượng", "cặp số a/b" (a trên tổng b), "phần trăm".',
    example: INPUT_KINDS.pair,
  },
  {
    key: 'ruleKind',
    header: 'Cách tính điểm',
    width: 16,
    required: true,
    list: Object.values(RULE_KINDS),
    help: 'Phải hợp với loại nhập liệu: trạng thái → "theo trạng thái"; có/không → "có/không"; lựa chọn → "theo lựa chọn"; số lượng → "bậc"; cặp số a/b → "tỷ lệ a/b"; phần trăm → "ngưỡng %".',
    example: RULE_KINDS.ratio,
  },
  {
    key: 'ruleParams',
    header: 'Tham số tính điểm',
    width: 34,
    required: true,
    text: true,
    help: 'Các mục cách nhau bằng dấu ; hoặc xuống dòng. Phân số là phần của điểm tối đa, từ 0 đến 1, viết 1/2 hoặc 0,5. Theo trạng thái: "0: 0; 1: 1/3; 2: 2/3; 3: 1". Có/không: "có: 1; không: 0". Theo lựa chọn: "mã lựa chọn: phân số" cho mỗi lựa chọn, ví dụ "chair: 1; vice: 1/2; none: 0". Bậc: "≥1: 5; ≥2: 10" (từ 1 trở lên được 5 điểm, từ 2 trở lên 10 điểm). Ngưỡng %: "≥50%: 5; ≥80%: 10". Tỷ lệ a/b: điểm = a/b × điểm tối đa; khi b = 0 viết "b = 0: đủ điểm", "b = 0: 0 điểm" hoặc "b = 0: không tính".',
    example: 'b = 0: 0 điểm',
  },
  {
    key: 'component',
    header: 'Thành phần danh mục',
    width: 12,
    help: `Chỉ với "trạng thái": mã thành phần trong danh mục chuyển đổi số mà trạng thái này đánh giá (bảng kiểm và bộ tiêu chí dùng chung câu trả lời). ${OPTIONAL}`,
    example: 'HTS6',
  },
  {
    key: 'naAllowed',
    header: 'Cho phép "Không áp dụng"',
    width: 12,
    list: yesNo,
    help: `Chỉ với "trạng thái" (bắt buộc): ${BOTH}.`,
    example: NO,
  },
  {
    key: 'countOnlyWhenNamed',
    header: 'Chỉ tính khi ghi rõ tên',
    width: 12,
    list: yesNo,
    help: `Chỉ với "trạng thái": "Có" khi mục "…khác" chỉ được tính lúc xã ghi rõ tên. ${OPTIONAL}`,
    example: '',
  },
  {
    key: 'optionsVi',
    header: 'Các lựa chọn (tiếng Việt)',
    width: 40,
    help: 'Chỉ với "lựa chọn": mỗi dòng một lựa chọn, dạng "mã: nội dung" (ít nhất 2), xuống dòng trong ô bằng Alt+Enter.',
    example: 'chair: Chủ tịch Ủy ban nhân dân xã',
  },
  {
    key: 'optionsEn',
    header: 'Các lựa chọn (tiếng Anh)',
    width: 34,
    help: 'Cùng các mã, cùng thứ tự, nội dung tiếng Anh.',
    example: 'chair: The Chairman',
  },
  {
    key: 'unitVi',
    header: 'Đơn vị (tiếng Việt)',
    width: 12,
    help: 'Chỉ với "số lượng" (bắt buộc): đơn vị đếm.',
    example: 'cuộc họp',
  },
  { key: 'unitEn', header: 'Đơn vị (tiếng Anh)', width: 12, help: 'Chỉ với "số lượng" (bắt buộc).', example: 'meetings' },
  {
    key: 'max',
    header: 'Số lớn nhất được nhập',
    width: 10,
    help: `Chỉ với "số lượng": số nguyên dương, số lớn hơn bị từ chối. ${OPTIONAL}`,
    example: '',
  },
  {
    key: 'aVi',
    header: 'Số a (tiếng Việt)',
    width: 30,
    help: 'Chỉ với "cặp số a/b" (bắt buộc): a là gì (phần).',
    example: 'Số cán bộ, công chức có máy tính',
  },
  { key: 'aEn', header: 'Số a (tiếng Anh)', width: 24, help: 'Bản tiếng Anh.', example: 'Officials with a work computer' },
  { key: 'aUnitVi', header: 'Đơn vị a (tiếng Việt)', width: 10, help: 'Đơn vị đếm của a.', example: 'người' },
  { key: 'aUnitEn', header: 'Đơn vị a (tiếng Anh)', width: 10, help: 'Bản tiếng Anh.', example: 'people' },
  {
    key: 'bVi',
    header: 'Số b (tiếng Việt)',
    width: 30,
    help: 'Chỉ với "cặp số a/b" (bắt buộc): b là gì (tổng).',
    example: 'Tổng số cán bộ, công chức của xã',
  },
  { key: 'bEn', header: 'Số b (tiếng Anh)', width: 24, help: 'Bản tiếng Anh.', example: 'All commune officials' },
  { key: 'bUnitVi', header: 'Đơn vị b (tiếng Việt)', width: 10, help: 'Đơn vị đếm của b.', example: 'người' },
  { key: 'bUnitEn', header: 'Đơn vị b (tiếng Anh)', width: 10, help: 'Bản tiếng Anh.', example: 'people' },
  {
    key: 'aAtMostB',
    header: 'a không vượt quá b',
    width: 10,
    list: yesNo,
    help: `Chỉ với "cặp số a/b" (bắt buộc): "Có" khi a là một phần của b, nhập a lớn hơn b sẽ bị từ chối.`,
    example: YES,
  },
  {
    key: 'areaTypes',
    header: 'Chỉ áp dụng cho địa bàn',
    width: 20,
    help: `Loại địa bàn, cách nhau bằng dấu ; : "Đô thị", "Nông thôn", "Miền núi, biên giới, hải đảo". Để trống: mọi xã.`,
    example: 'Nông thôn; Miền núi, biên giới, hải đảo',
  },
  {
    key: 'links',
    header: 'Thành phần danh mục liên quan',
    width: 16,
    help: `Mã các thành phần danh mục mà chỉ tiêu nói tới, cách nhau bằng dấu ; ${OPTIONAL}`,
    example: 'HTS1; HTS2',
  },
  {
    key: 'ownQuestion',
    header: 'Câu hỏi bổ sung',
    width: 10,
    list: yesNo,
    help: `"Có" khi câu hỏi không lấy từ văn bản chính thức nào. ${OPTIONAL}`,
    example: '',
  },
  {
    key: 'actor',
    header: 'Bên cải thiện',
    width: 10,
    list: Object.values(ACTORS),
    help: `Ai hành động để cải thiện: "xã" hoặc "tỉnh" (khi tỉnh cung cấp). ${OPTIONAL}`,
    example: ACTORS.commune,
  },
  {
    key: 'evidenceRequired',
    header: 'Bắt buộc có minh chứng',
    width: 12,
    list: yesNo,
    help: `${BOTH}. Để trống (cùng các cột minh chứng) khi chỉ tiêu không nói gì về minh chứng.`,
    example: YES,
  },
  {
    key: 'evidenceVi',
    header: 'Tài liệu minh chứng (tiếng Việt)',
    width: 40,
    help: 'Mỗi dòng một loại tài liệu được chấp nhận (xuống dòng trong ô: Alt+Enter).',
    example: 'Kế hoạch mua sắm trang thiết bị',
  },
  {
    key: 'evidenceEn',
    header: 'Tài liệu minh chứng (tiếng Anh)',
    width: 34,
    help: 'Cùng số dòng, cùng thứ tự, bằng tiếng Anh.',
    example: 'The equipment purchase plan',
  },
  {
    key: 'sourceVi',
    header: 'Nguồn số liệu (tiếng Việt)',
    width: 24,
    help: `Số liệu lấy từ đâu. ${OPTIONAL}`,
    example: 'Văn phòng Ủy ban nhân dân xã',
  },
  {
    key: 'sourceEn',
    header: 'Nguồn số liệu (tiếng Anh)',
    width: 20,
    help: 'Bản tiếng Anh (điền cả hai hoặc để trống cả hai).',
    example: "Office of the People's Committee",
  },
  {
    key: 'verifiedByVi',
    header: 'Cơ quan thẩm định (tiếng Việt)',
    width: 24,
    help: `Ai kiểm tra số liệu. ${OPTIONAL}`,
    example: 'Sở Khoa học và Công nghệ',
  },
  {
    key: 'verifiedByEn',
    header: 'Cơ quan thẩm định (tiếng Anh)',
    width: 20,
    help: 'Bản tiếng Anh (điền cả hai hoặc để trống cả hai).',
    example: 'Department of Science and Technology',
  },
  {
    key: 'guidanceVi',
    header: 'Hướng dẫn chấm (tiếng Việt)',
    width: 40,
    help: `Giải thích cho cán bộ xã cách trả lời. ${OPTIONAL}`,
    example: 'Đếm cả máy tính xách tay được cấp.',
  },
  {
    key: 'guidanceEn',
    header: 'Hướng dẫn chấm (tiếng Anh)',
    width: 30,
    help: `Bản tiếng Anh. ${OPTIONAL}`,
    example: 'Count issued laptops too.',
  },
  ...[0, 1, 2, 3].map((n) => ({
    key: `level${n}`,
    header: `Mô tả trạng thái ${n}`,
    width: 24,
    help: `Chỉ với "trạng thái": trạng thái ${n} của mục này trông như thế nào (điền đủ 4 cột hoặc để trống cả 4).`,
  })),
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
  { key: '$schema', label: 'Lược đồ JSON ($schema)', help: 'Chỉ dùng khi chuyển sang JSON; có thể để trống.' },
];

/**
 * A realistic full assessment of a mountain-border-island commune (Xã Trịnh Tường, Lào Cai):
 * every applicable component answered, Vietnamese notes on about a third of them, "…khác"
 * items either named or marked not applicable with a reason. The submission body is built by
 * the phone's own code (src/sync/payload.ts), so the wire figure is what a phone would send.
 */
import { applicableComponents } from '../../src/domain/catalogue';
import type { Submission } from '../../src/domain/submission';
import type { Answer, AreaType, Assessment, Status } from '../../src/domain/types';
import { loadReferenceData, type ReferenceData } from '../../src/server/reference-data';
import { buildSubmission } from '../../src/sync/payload';
import { pick, seededRandom } from './stats';

export const MOUNTAIN: readonly AreaType[] = ['mountain-border-island'];

const NOTES = [
  'Đã lắp đặt 02 trạm BTS tại thôn Nà Phìn và Séo Lủng; thôn Lùng Tám vẫn chưa có sóng 4G ổn định, cán bộ phải ra trụ sở UBND xã để gửi hồ sơ.',
  'Kinh phí năm 2026 đã được HĐND xã phê duyệt tại Nghị quyết số 12/NQ-HĐND; dự kiến triển khai trong quý III.',
  'Máy tính của Bộ phận Một cửa đã cũ (mua năm 2017), thường xuyên treo khi ký số; đề nghị tỉnh hỗ trợ thay thế 04 máy.',
  'Tổ công nghệ số cộng đồng có 14 thành viên ở 9/11 thôn; hai thôn vùng cao chưa có người tham gia do thiếu điện thoại thông minh.',
  'Người dân chủ yếu là đồng bào Mông và Dao, nhiều người cao tuổi không đọc được tiếng Việt; cần tài liệu hướng dẫn bằng tiếng dân tộc.',
  'Đang phối hợp với Viettel khảo sát phương án kết nối vệ tinh cho điểm trường Phìn Hồ, chưa có kết quả.',
  'Đã số hoá 3.250 hồ sơ hộ tịch giai đoạn 2015–2024; hồ sơ trước năm 2015 còn lưu giấy, một phần bị ẩm mốc.',
  'Cán bộ phụ trách mới được điều động từ tháng 4, chưa qua lớp tập huấn về an toàn thông tin của tỉnh.',
  'Hợp tác xã chè Shan tuyết đã mở gian hàng trên sàn Postmart, doanh thu trực tuyến khoảng 15% tổng doanh thu.',
  'Hệ thống loa truyền thanh thông minh đã lắp 6 cụm; mùa mưa lũ thường mất điện nên chưa hoạt động liên tục.',
  'Xã thực hiện khảo sát mức độ hài lòng bằng phiếu giấy hằng quý; chưa dùng được biểu mẫu trực tuyến của tỉnh.',
  'Trạm y tế xã đã kết nối khám chữa bệnh từ xa với Bệnh viện Đa khoa huyện cũ, trung bình 20 ca/tháng.',
  'Dịch vụ công lưu động được tổ chức vào phiên chợ thứ Bảy; cần thêm 01 bộ thiết bị di động (máy tính bảng, máy in, bộ phát wifi).',
  'Dữ liệu hộ nghèo, cận nghèo đã cập nhật lên phần mềm của Sở Nông nghiệp và Môi trường, còn sai lệch khoảng 40 hộ so với thực tế.',
  'Chưa có cán bộ chuyên trách công nghệ thông tin; công chức văn phòng – thống kê kiêm nhiệm.',
  'Đã tổ chức 3 đợt hỗ trợ kích hoạt định danh điện tử mức 2 tại các thôn, đạt 78% người trên 14 tuổi.',
];

const OPEN_NAMES = [
  'Hệ thống camera giám sát an ninh trật tự tại chợ biên giới',
  'Ứng dụng bản đồ số du lịch cộng đồng bản Lùng Tám',
  'Nhóm Zalo thôn bản phục vụ thông tin khẩn cấp mùa mưa lũ',
];

const NA_REASONS = [
  'Xã không có thành phần nào khác ngoài các thành phần đã liệt kê.',
  'Xã không có điểm du lịch cộng đồng được công nhận; chưa có trong quy hoạch của tỉnh.',
];

export interface FixtureOptions {
  seed?: number;
  communeCode?: string;
  provinceCode?: string;
  areaTypes?: readonly AreaType[];
  /** Share of components that carry a note (default one third). */
  noteShare?: number;
}

let cachedRef: ReferenceData | undefined;
export function reference(): ReferenceData {
  cachedRef ??= loadReferenceData();
  return cachedRef;
}

export const TRINH_TUONG = { communeCode: '02695', provinceCode: '15' };

/** The answers a phone would store for one full assessment. */
export function fullAnswers(ref: ReferenceData, opts: FixtureOptions = {}): Answer[] {
  const random = seededRandom(opts.seed ?? 1);
  const catalogue = ref.catalogues.get(ref.current.catalogueVersion);
  if (!catalogue) throw new Error('no current catalogue');
  const noteShare = opts.noteShare ?? 1 / 3;
  const day = Date.parse('2026-03-02T01:00:00Z');
  return applicableComponents(catalogue, opts.areaTypes ?? MOUNTAIN).map((c, i): Answer => {
    const updatedAt = new Date(day + i * 97_000 + Math.floor(random() * 60_000)).toISOString();
    const answer: Answer = { code: c.code, status: null, updatedAt };
    if (c.open) {
      if (random() < 0.35) {
        answer.openName = pick(OPEN_NAMES, random);
        answer.status = pick([1, 2, 3] as const, random);
      } else {
        answer.status = 'na';
        answer.naReason = NA_REASONS[0] as string;
      }
    } else if (c.tier === 'area-specific' && random() < 0.1) {
      answer.status = 'na';
      answer.naReason = NA_REASONS[1] as string;
    } else {
      // A mountain commune: much planned or partly deployed, little fully in use.
      answer.status = pick([0, 1, 1, 2, 2, 2, 3, 3] as const, random) as Status;
    }
    if (random() < noteShare) answer.note = pick(NOTES, random);
    return answer;
  });
}

export function assessmentOf(ref: ReferenceData, id: string, opts: FixtureOptions = {}): Assessment {
  return {
    id,
    provinceCode: opts.provinceCode ?? TRINH_TUONG.provinceCode,
    communeCode: opts.communeCode ?? TRINH_TUONG.communeCode,
    areaTypes: [...(opts.areaTypes ?? MOUNTAIN)],
    period: '2026',
    catalogueVersion: ref.current.catalogueVersion,
    methodologyId: ref.current.methodologyId,
    status: 'submitted',
    createdAt: '2026-03-02T01:00:00.000Z',
    updatedAt: '2026-03-09T08:30:00.000Z',
    helpers: 'Tổ công nghệ số cộng đồng thôn Nà Phìn (anh Giàng A Sử, chị Lò Thị Mai)',
  };
}

/** The body a phone sends for revision `revision` of this assessment (built by src/sync). */
export function fullSubmission(
  ref: ReferenceData,
  revision: number,
  answers: readonly Answer[],
  opts: FixtureOptions = {},
): Submission {
  const catalogue = ref.catalogues.get(ref.current.catalogueVersion);
  const methodology = ref.methodologies.get(ref.current.methodologyId);
  if (!catalogue || !methodology) throw new Error('no current catalogue or methodology');
  return buildSubmission(assessmentOf(ref, 'bench', opts), answers, {
    revision,
    submittedAt: '2026-03-09T08:31:00.000Z',
    ref: { catalogue, methodology },
  });
}

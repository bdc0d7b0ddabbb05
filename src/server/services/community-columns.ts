/**
 * The community-team columns of the communes CSV and the wide CSV (issue #15): a commune's tally for
 * the year as shown outside the commune (forOutside: satisfaction over fewer than 5 responses reads
 * "quá ít để báo cáo", the count included). A commune whose teams sent nothing has empty cells.
 */
import { forOutside, type CommunityTally } from '../../domain/community/tally';
import type { CsvValue } from './csv';

export const TOO_FEW_TO_REPORT = 'quá ít để báo cáo';

interface CommunityColumn {
  machine: string;
  vi: (year: number) => string;
  cell: (t: CommunityTally) => CsvValue;
}

const satisfaction = (t: CommunityTally) => forOutside(t).satisfaction;
const round = (x: number | null, digits: number): number | null => (x === null ? null : Number(x.toFixed(digits)));

const COLUMNS: CommunityColumn[] = [
  {
    machine: 'community_residents_helped',
    vi: (y) => `Số lượt người dân được Tổ công nghệ số cộng đồng hỗ trợ (năm ${y})`,
    cell: (t) => t.residentsHelped,
  },
  { machine: 'community_sessions', vi: (y) => `Số lần hỗ trợ ghi nhận (năm ${y})`, cell: (t) => t.sessions },
  { machine: 'community_responses', vi: (y) => `Số phiếu khảo sát hài lòng (năm ${y})`, cell: (t) => t.responses },
  {
    machine: 'community_satisfaction_mean',
    vi: () => 'Mức hài lòng trung bình (thang 1–5)',
    cell: (t) => {
      const s = satisfaction(t);
      return 'tooFew' in s ? TOO_FEW_TO_REPORT : round(s.mean, 2);
    },
  },
  {
    machine: 'community_satisfied_percent',
    vi: () => 'Tỷ lệ hài lòng (%)',
    cell: (t) => {
      const s = satisfaction(t);
      return 'tooFew' in s ? TOO_FEW_TO_REPORT : s.shareSatisfied === null ? null : round(s.shareSatisfied * 100, 1);
    },
  },
  {
    machine: 'community_satisfaction_n',
    vi: () => 'Số phiếu tính mức hài lòng',
    cell: (t) => {
      const s = satisfaction(t);
      return 'tooFew' in s ? TOO_FEW_TO_REPORT : s.n;
    },
  },
];

export function communityHeaders(year: number, style: 'vi' | 'machine'): string[] {
  return COLUMNS.map((c) => (style === 'vi' ? c.vi(year) : c.machine));
}

export function communityCells(tally: CommunityTally | undefined): CsvValue[] {
  return COLUMNS.map((c) => (tally ? c.cell(tally) : null));
}

/**
 * The wide CSV (issue #14): one row per commune of the province, its latest submission: codes and
 * names, area types, the criteria set or methodology and its version, the self-assessed and the
 * verified totals and levels, every group's score (self and verified), then each component's or
 * indicator's value as the officer answered it. Vietnamese headers and labels by default (machine
 * names with ?headers=machine); times in Vietnam time, written with their offset (+07:00).
 * UTF-8 with BOM, CRLF, RFC 4180 quoting and formulas defused: toCsv (./csv.ts).
 */
import type { CommunityTally } from '../../domain/community/tally';
import { communityCells, communityHeaders } from './community-columns';
import { applicableComponents } from '../../domain/catalogue';
import { criteriaSetKey, type CriteriaSet } from '../../domain/criteria';
import { answerCode } from '../../domain/criteria/rules';
import type { Submission } from '../../domain/submission';
import type { Answer, AreaType, Catalogue, ScoreResult } from '../../domain/types';
import type { Province } from '../../domain/admin-units';
import type { ReferenceData } from '../reference-data';
import { toCsv, type CsvValue } from './csv';

export type HeaderStyle = 'vi' | 'machine';

/** A commune's latest submission as stored, with its verification (when started). */
export interface WideInput {
  submission: Submission;
  revision: number;
  reviewState: 'submitted' | 'accepted' | 'returned';
  receivedAt: string;
  score: ScoreResult;
  verified: { score: ScoreResult; itemCount: number; stepped: number; updatedAt: string } | null;
}

const AREA_TYPE_VI: Record<AreaType, string> = {
  urban: 'Đô thị',
  rural: 'Nông thôn',
  'mountain-border-island': 'Miền núi, biên giới, hải đảo',
};
const STATE_VI = { submitted: 'Chờ thẩm định', accepted: 'Đã chấp nhận', returned: 'Đã trả lại' } as const;
const VN_OFFSET_MS = 7 * 3600_000;

/** "2026-03-01T14:30:00+07:00": the instant in Vietnam time, the offset written. */
export function vietnamTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  return `${new Date(t + VN_OFFSET_MS).toISOString().slice(0, 19)}+07:00`;
}

/** What a commune is scored by: a criteria set, or the provisional methodology alone. */
interface Basis {
  key: string;
  set: CriteriaSet | undefined;
  title: string;
  version: string;
  groups: { id: string; vi: string; max: number }[];
  /** Answer codes and their names, in the basis' order. */
  items: { code: string; vi: string }[];
}

function basisOf(reference: ReferenceData, submission: Submission, catalogue: Catalogue | undefined): Basis {
  const set = submission.criteriaSet ? reference.criteriaSets.get(criteriaSetKey(submission.criteriaSet)) : undefined;
  if (set) {
    const seen = new Set<string>();
    const components = new Map(catalogue?.components.map((c) => [c.code, c.vi]));
    return {
      key: criteriaSetKey(set),
      set,
      title: set.title.vi,
      version: set.version,
      groups: set.groups.map((g) => ({ id: g.id, vi: g.vi, max: g.points ?? 100 })),
      items: set.indicators.flatMap((ind) => {
        const code = answerCode(ind);
        if (seen.has(code)) return [];
        seen.add(code);
        return [{ code, vi: code === ind.code ? ind.vi : (components.get(code) ?? ind.vi) }];
      }),
    };
  }
  const methodology = reference.methodologies.get(submission.methodologyId);
  const scored = catalogue ? applicableComponents(catalogue, ['urban', 'rural', 'mountain-border-island']) : [];
  return {
    key: submission.methodologyId,
    set: undefined,
    title: methodology?.title.vi ?? submission.methodologyId,
    version: submission.catalogueVersion,
    groups: (methodology?.scoreGroups ?? []).map((g) => ({ id: g.id, vi: g.vi, max: 100 })),
    items: scored.map((c) => ({ code: c.code, vi: c.vi })),
  };
}

const totalOf = (score: ScoreResult, basis: Basis) => (basis.set ? (score.criteria?.total ?? null) : score.index);
const levelOf = (score: ScoreResult, basis: Basis) => (basis.set ? (score.criteria?.level ?? null) : score.level);
const groupOf = (score: ScoreResult, basis: Basis, id: string) =>
  basis.set ? score.criteria?.groups.find((g) => g.id === id)?.score : score.groups.find((g) => g.id === id)?.score;

function answerCell(answer: Answer | undefined, set: CriteriaSet | undefined, style: HeaderStyle): CsvValue {
  if (!answer) return null;
  const vi = style === 'vi';
  if (answer.value) {
    const v = answer.value;
    switch (v.kind) {
      case 'yesno':
        return vi ? (v.yes ? 'Có' : 'Không') : v.yes;
      case 'choice': {
        const ind = set?.indicators.find((i) => i.code === answer.code);
        const option = ind?.input.kind === 'choice' ? ind.input.options.find((o) => o.id === v.option) : undefined;
        return vi ? (option?.vi ?? v.option) : v.option;
      }
      case 'pair':
        return `${v.a}/${v.b ?? ''}`;
      case 'number':
      case 'percent':
        return v.value;
    }
  }
  if (answer.status === 'na') return vi ? 'Không áp dụng' : 'na';
  return answer.status;
}

interface Column {
  machine: string;
  vi: string;
  cell: (row: WideInput | undefined, basis: Basis | undefined) => CsvValue;
}

export function wideCsv(
  province: Province,
  latest: ReadonlyMap<string, WideInput>,
  reference: ReferenceData,
  style: HeaderStyle,
  community: { year: number; tallies: ReadonlyMap<string, CommunityTally> },
): string {
  const bases = new Map<string, Basis>();
  const basisByCommune = new Map<string, Basis>();
  for (const [code, row] of latest) {
    const b = basisOf(reference, row.submission, reference.catalogues.get(row.submission.catalogueVersion));
    if (!bases.has(b.key)) bases.set(b.key, b);
    basisByCommune.set(code, bases.get(b.key) ?? b);
  }
  const ordered = [...bases.values()].sort((a, b) => a.key.localeCompare(b.key));
  const prefix = (b: Basis) => (ordered.length > 1 ? `${b.key} · ` : '');
  const vi = style === 'vi';
  const columns: Column[] = [
    { machine: 'commune_code', vi: 'Mã xã', cell: () => null },
    { machine: 'commune_name', vi: 'Tên xã/phường', cell: () => null },
    { machine: 'commune_type', vi: 'Loại đơn vị', cell: () => null },
    {
      machine: 'area_types',
      vi: 'Loại địa bàn',
      cell: (r) => r?.submission.areaTypes.map((t) => (vi ? AREA_TYPE_VI[t] : t)).join(vi ? '; ' : ' '),
    },
    { machine: 'period', vi: 'Kỳ đánh giá', cell: (r) => r?.submission.period },
    { machine: 'revision', vi: 'Lần gửi', cell: (r) => r?.revision },
    {
      machine: 'review_state',
      vi: 'Trạng thái',
      cell: (r) => (r ? (vi ? STATE_VI[r.reviewState] : r.reviewState) : vi ? 'Chưa gửi' : 'not-submitted'),
    },
    { machine: 'submitted_at_vn', vi: 'Gửi lúc (giờ Việt Nam, UTC+7)', cell: (r) => vietnamTime(r?.submission.submittedAt) },
    { machine: 'received_at_vn', vi: 'Máy chủ nhận lúc (giờ Việt Nam, UTC+7)', cell: (r) => vietnamTime(r?.receivedAt) },
    { machine: 'basis', vi: 'Bộ tiêu chí / phương pháp', cell: (_r, b) => (b ? (vi ? b.title : b.key) : null) },
    { machine: 'basis_version', vi: 'Phiên bản', cell: (_r, b) => b?.version },
    { machine: 'self_total', vi: 'Tổng điểm tự đánh giá', cell: (r, b) => (r && b ? totalOf(r.score, b) : null) },
    { machine: 'self_level', vi: 'Mức tự đánh giá', cell: (r, b) => (r && b ? levelOf(r.score, b) : null) },
    {
      machine: 'verified_total',
      vi: 'Tổng điểm sau thẩm định',
      cell: (r, b) => (r?.verified && b ? totalOf(r.verified.score, b) : null),
    },
    {
      machine: 'verified_level',
      vi: 'Mức sau thẩm định',
      cell: (r, b) => (r?.verified && b ? levelOf(r.verified.score, b) : null),
    },
    {
      machine: 'verified_items',
      vi: 'Số mục đã thẩm định',
      cell: (r) => (r?.verified ? `${r.verified.stepped}/${r.verified.itemCount}` : null),
    },
    {
      machine: 'verified_at_vn',
      vi: 'Thẩm định lần cuối (giờ Việt Nam, UTC+7)',
      cell: (r) => vietnamTime(r?.verified?.updatedAt),
    },
  ];
  for (const b of ordered) {
    for (const g of b.groups) {
      const mine = (basis: Basis | undefined) => basis?.key === b.key;
      columns.push(
        {
          machine: `${b.key}:group:${g.id}:self`,
          vi: `${prefix(b)}${g.id} ${g.vi} — tự đánh giá (tối đa ${g.max})`,
          cell: (r, basis) => (r && mine(basis) ? groupOf(r.score, b, g.id) : null),
        },
        {
          machine: `${b.key}:group:${g.id}:verified`,
          vi: `${prefix(b)}${g.id} ${g.vi} — sau thẩm định (tối đa ${g.max})`,
          cell: (r, basis) => (r?.verified && mine(basis) ? groupOf(r.verified.score, b, g.id) : null),
        },
      );
    }
  }
  for (const b of ordered) {
    for (const item of b.items) {
      columns.push({
        machine: `${b.key}:item:${item.code}`,
        vi: `${prefix(b)}${item.code} ${item.vi}`,
        cell: (r, basis) =>
          r && basis?.key === b.key
            ? answerCell(
                r.submission.answers.find((a) => a.code === item.code),
                b.set,
                style,
              )
            : null,
      });
    }
  }
  const rows = province.communes.map((c) => {
    const r = latest.get(c.code);
    const b = basisByCommune.get(c.code);
    const cells = columns.map((col) => col.cell(r, b));
    cells[0] = c.code;
    cells[1] = c.name;
    cells[2] = c.type;
    return [...cells, ...communityCells(community.tallies.get(c.code))];
  });
  return toCsv([...columns.map((c) => (vi ? c.vi : c.machine)), ...communityHeaders(community.year, style)], rows);
}

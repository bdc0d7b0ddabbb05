/**
 * A hand-built mini catalogue small enough to score by hand, the shipped methodology, and helpers
 * to write answers tersely. Used by the scoring, gaps and answer-rules tests.
 */
import methodologyJson from '../../data/methodology/provisional-2026.1.json';
import catalogueJson from '../../data/catalogue/2026.1/catalogue.json';
import { parseMethodology } from '../../src/domain/methodology-schema';
import type {
  Answer,
  AnswerMap,
  AreaType,
  Catalogue,
  CatalogueComponent,
  GroupCode,
  LayerId,
  Methodology,
  Status,
  Tier,
} from '../../src/domain/types';

export const methodology: Methodology = parseMethodology(methodologyJson);
export const realCatalogue = catalogueJson as Catalogue;

const LAYER_OF: Record<GroupCode, LayerId> = {
  HTS: 1,
  ANM: 1,
  DL: 2,
  NTL: 2,
  ƯDCQS: 3,
  NVCQS: 3,
  ƯDKTS: 3,
  NVKTS: 3,
  ƯDXHS: 3,
  NVXHS: 3,
  KTT: 4,
  ĐLHQ: 4,
};

export function comp(
  code: string,
  tier: Tier,
  extra: { areaType?: AreaType; open?: boolean; exploit?: boolean } = {},
): CatalogueComponent {
  const group = code.replace(/\d+$/u, '') as GroupCode;
  const layer = LAYER_OF[group];
  return {
    code,
    group,
    layer,
    ...(layer === 3 ? { block: group.slice(-3) as 'CQS' | 'KTS' | 'XHS' } : {}),
    kind: group.startsWith('NV') ? 'activity' : 'component',
    tier,
    ...(extra.areaType ? { areaType: extra.areaType } : {}),
    vi: `Thành phần ${code}`,
    open: extra.open ?? false,
    exploit: extra.exploit ?? false,
  };
}

export function catalogueOf(components: CatalogueComponent[], version = 'test'): Catalogue {
  const codes = [...new Set(components.map((c) => c.group))];
  return {
    version,
    source: { file: 'test', section: '4', title: 'test' },
    layers: ([1, 2, 3, 4] as const).map((id) => ({ id, vi: `Lớp ${id}` })),
    groups: codes.map((code) => ({ code, layer: LAYER_OF[code], vi: code })),
    components,
  };
}

/** The shipped methodology, made to accept the test catalogue version. */
export const testMethodology: Methodology = { ...methodology, catalogueVersions: ['test'] };

/** Catalogue order matters for the gap list's tie-break: keep it as written. */
export const mini = catalogueOf([
  comp('HTS1', 'central'),
  comp('HTS2', 'commune-essential'),
  comp('HTS3', 'commune-essential'),
  comp('HTS4', 'commune-essential', { open: true }),
  comp('HTS5', 'area-specific', { areaType: 'urban' }),
  comp('HTS6', 'area-specific', { areaType: 'rural' }),
  comp('HTS7', 'area-specific', { areaType: 'urban', open: true }),
  comp('ANM1', 'provincial'),
  comp('ANM2', 'commune-essential'),
  comp('ANM3', 'commune-essential', { exploit: true }),
  comp('ANM4', 'area-specific', { areaType: 'urban' }),
  comp('DL1', 'commune-essential'),
  comp('DL2', 'area-specific', { areaType: 'urban' }),
  comp('NTL1', 'commune-essential', { exploit: true }),
  comp('ƯDCQS1', 'commune-essential'),
  comp('NVCQS1', 'commune-essential'),
  comp('NVXHS1', 'area-specific', { areaType: 'rural' }),
  comp('KTT1', 'commune-essential'),
  comp('ĐLHQ1', 'commune-essential'),
  comp('ĐLHQ2', 'area-specific', { areaType: 'urban' }),
]);

export function answer(code: string, status: Status | null, extra: Partial<Answer> = {}): Answer {
  return { code, status, updatedAt: '2026-01-01T00:00:00.000Z', ...extra };
}

/** { HTS2: 3, ANM4: 'na' } → AnswerMap; 'na' gets a reason so it is a valid N/A. */
export function answersOf(statuses: Record<string, Status | null>, extra: Record<string, Partial<Answer>> = {}): AnswerMap {
  const map: Record<string, Answer> = {};
  for (const [code, status] of Object.entries(statuses)) {
    map[code] = answer(code, status, { ...(status === 'na' ? { naReason: 'Không có' } : {}), ...extra[code] });
  }
  return map;
}

/** The worked example of scoring.test.ts (urban): index 550/9 = 61.1, capped at level 2 by ANM3. */
export const workedAnswers = answersOf(
  {
    HTS2: 3,
    HTS3: 1,
    HTS4: 3,
    HTS5: 2,
    HTS7: 3,
    ANM2: 2,
    ANM3: 1,
    ANM4: 'na',
    DL1: 3,
    NTL1: 0,
    ƯDCQS1: 3,
    NVCQS1: 2,
    KTT1: 1,
    ĐLHQ1: 3,
    ĐLHQ2: 3,
  },
  { HTS7: { openName: 'Wi-Fi công cộng tại nhà văn hoá' } },
);

/** Every applicable component of a catalogue at one status (open items named, so they count). */
export function allAt(cat: Catalogue, areaTypes: readonly AreaType[], status: Status): AnswerMap {
  const map: Record<string, Answer> = {};
  for (const c of cat.components) {
    if (c.tier !== 'commune-essential' && !(c.tier === 'area-specific' && c.areaType && areaTypes.includes(c.areaType))) continue;
    map[c.code] = answer(c.code, status, c.open ? { openName: 'Tên riêng' } : {});
  }
  return map;
}

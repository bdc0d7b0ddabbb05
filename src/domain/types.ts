/**
 * The shapes shared by the app, the store, the sync client and the server.
 * Pure types: no DOM, no Dexie, no Node. The data files under data/ follow these
 * shapes and are checked against the schemas in ./schemas.ts by the tests.
 */
import type { CriteriaScore } from './criteria/score';

export type LayerId = 1 | 2 | 3 | 4;

/** Catalogue group codes exactly as the source writes them (NFC). */
export type GroupCode = 'HTS' | 'ANM' | 'DL' | 'NTL' | 'ƯDCQS' | 'NVCQS' | 'ƯDKTS' | 'NVKTS' | 'ƯDXHS' | 'NVXHS' | 'KTT' | 'ĐLHQ';

/** Layer 3 blocks: Chính quyền số, Kinh tế số, Xã hội số. */
export type Block = 'CQS' | 'KTS' | 'XHS';

/** Who provides a component (source sections x.1 – x.4 of every group). */
export type Tier = 'central' | 'provincial' | 'commune-essential' | 'area-specific';

/** Loại địa bàn (the list lives in ./vocabulary.ts). */
export type { AreaType } from './vocabulary';
import type { AreaType, AssessmentStatus } from './vocabulary';

/** An application/platform component, or an operational activity (NV… groups). */
export type ComponentKind = 'component' | 'activity';

export interface CatalogueComponent {
  /** e.g. "HTS7", "ƯDCQS19", "ĐLHQ8" (NFC). */
  code: string;
  group: GroupCode;
  layer: LayerId;
  /** Only for layer 3. */
  block?: Block;
  kind: ComponentKind;
  tier: Tier;
  /** Only for tier "area-specific". */
  areaType?: AreaType;
  /** The source's words, NFC, trailing "." or ";" removed. */
  vi: string;
  /** An open "…khác" item: the commune may name something of its own. */
  open: boolean;
  /** A "Khai thác…" item: the commune's use of what central/province provide. */
  exploit: boolean;
}

export interface CatalogueLayer {
  id: LayerId;
  vi: string;
}

export interface CatalogueGroup {
  code: GroupCode;
  layer: LayerId;
  block?: Block;
  vi: string;
}

export interface Catalogue {
  /** Version id, recorded on every assessment. */
  version: string;
  source: { file: string; section: string; title: string };
  layers: CatalogueLayer[];
  groups: CatalogueGroup[];
  components: CatalogueComponent[];
  /**
   * Sets of area-specific components that are the same item under different area types: asked
   * once when several of those types are chosen, the one answer counting for each (same-items.ts).
   */
  sameItems?: string[][];
}

/**
 * A translation of the catalogue's labels into one language other than Vietnamese,
 * keyed by layer id, group code and component code. Kept apart so that a language
 * is downloaded only when chosen.
 */
export interface CatalogueTranslation {
  catalogueVersion: string;
  lang: string;
  layers: Record<string, string>;
  groups: Record<string, string>;
  components: Record<string, string>;
}

/** The answer scale: 0–3, or not applicable. `null` is "not answered yet". */
export type Status = 0 | 1 | 2 | 3 | 'na';

export interface Answer {
  code: string;
  status: Status | null;
  note?: string;
  /** Required when status is "na". */
  naReason?: string;
  /** For open "…khác" items: what the commune names. */
  openName?: string;
  /** A criteria set's non-status input, keyed by the indicator's code (src/domain/criteria). */
  value?: IndicatorValue;
  /** ISO 8601, set by the device that made the edit. */
  updatedAt: string;
}

/** What the officer enters for a criteria-set indicator that is not a status. */
export type IndicatorValue =
  | { kind: 'yesno'; yes: boolean }
  | { kind: 'choice'; option: string }
  | { kind: 'number'; value: number }
  | { kind: 'pair'; a: number; b: number | null }
  | { kind: 'percent'; value: number };

export type AnswerMap = Readonly<Record<string, Answer | undefined>>;

/** A scoring group: the radar's seven axes. ƯD folds the six layer-3 catalogue groups. */
export interface ScoreGroupDef {
  id: string;
  layer: LayerId;
  members: GroupCode[];
  vi: string;
  en: string;
}

export interface LevelDef {
  level: number;
  /** Inclusive lower bound of the index for this level. */
  min: number;
  vi: string;
  en: string;
}

export interface StatusDef {
  value: 0 | 1 | 2 | 3;
  vi: string;
  en: string;
}

/** Caps the level while some components are below a status (ANM is "tiên quyết"). */
export interface GateDef {
  id: string;
  groups: GroupCode[];
  tiers: Tier[];
  minStatus: 0 | 1 | 2 | 3;
  capLevel: number;
  vi: string;
  en: string;
}

/**
 * Room for a later version: numeric indicators (ratios, counts) scored as ratio × points
 * or in steps, as DTI-style criteria are. Stored answers keep their shape; a numeric value
 * would live in a separate field of the answer. Version 1 has none.
 */
export type IndicatorDef =
  | { code: string; kind: 'ratio'; points: number; group: string; vi: string; en: string }
  | {
      code: string;
      kind: 'steps';
      group: string;
      steps: { min: number; points: number }[];
      vi: string;
      en: string;
    };

export interface Methodology {
  id: string;
  /** Catalogue versions this methodology can score. */
  catalogueVersions: string[];
  title: { vi: string; en: string };
  statusScale: StatusDef[];
  /** Component value = status / maxStatus. */
  maxStatus: 3;
  weights: { 'commune-essential': number; 'area-specific': number; open: number };
  /** An open item counts only when the commune names something in it. */
  openItemsCountOnlyWhenNamed: boolean;
  na: { allowedTiers: Tier[]; allowedForOpenItems: boolean; reasonRequired: boolean };
  scoreGroups: ScoreGroupDef[];
  levels: LevelDef[];
  gates: GateDef[];
  submission: { requireEssentialAnswered: boolean };
  indicators: IndicatorDef[];
}

export type { AssessmentStatus } from './vocabulary';

/** A criteria set by id and version ("template-commune-index", "2026.1"). */
export interface CriteriaSetRef {
  id: string;
  version: string;
}

export interface Assessment {
  id: string;
  provinceCode: string;
  communeCode: string;
  areaTypes: AreaType[];
  /** e.g. "2026" or "2026-H2": the period assessed. */
  period: string;
  catalogueVersion: string;
  methodologyId: string;
  /**
   * The criteria set it is scored under (src/domain/criteria), chosen at creation and never
   * changed; absent: the provisional method alone, as every older assessment.
   */
  criteriaSet?: CriteriaSetRef;
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
  /** Who helped fill it in (community digital team), free text. */
  helpers?: string;
  /** Where the user left off in the checklist. */
  lastCode?: string;
}

export interface GroupScore {
  id: string;
  layer: LayerId;
  /** 0–100; null when nothing in the group is applicable. */
  score: number | null;
  applicable: number;
  answered: number;
}

export interface LayerScore {
  layer: LayerId;
  score: number;
}

export interface Completeness {
  /** Counting components (weight > 0) that have a status. */
  answered: number;
  counted: number;
  essentialAnswered: number;
  essentialTotal: number;
  /** answered / counted, 0–1. */
  ratio: number;
}

export interface ScoreResult {
  catalogueVersion: string;
  methodologyId: string;
  /** 0–100, rounded to one decimal. */
  index: number;
  /** Level the index alone would give. */
  indexLevel: number;
  /** Level after gates. */
  level: number;
  /** Gate ids that capped the level. */
  gatesApplied: string[];
  layers: LayerScore[];
  groups: GroupScore[];
  completeness: Completeness;
  /** Every required component answered. */
  complete: boolean;
  /** Under a criteria set other than the provisional method: its score, with points per group. */
  criteria?: CriteriaScore;
}

export type Actor = 'commune' | 'province';

export interface Gap {
  code: string;
  scoreGroup: string;
  status: Status | null;
  /** Index points the commune would gain by bringing this component to full. */
  gain: number;
  /** Blocks a level because of a gate. */
  gate: boolean;
  /** Khai thác items: ask the province; the rest the commune does. */
  actor: Actor;
}

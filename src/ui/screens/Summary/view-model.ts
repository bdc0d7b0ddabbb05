/**
 * The result screen's data, ready to render: gate notices, radar series and
 * gap rows. Pure: no DOM, no i18n; words from the methodology are picked by language here,
 * everything else is left to the locale files.
 */
import { componentIndex, componentLabel } from '../../../domain/catalogue';
import type {
  Actor,
  Catalogue,
  CatalogueTranslation,
  Gap,
  GateDef,
  Methodology,
  ScoreResult,
  Status,
  Tier,
} from '../../../domain/types';

function pick(def: { vi: string; en: string }, lang: string): string {
  return lang === 'en' ? def.en : def.vi;
}

export function scoreGroupLabel(m: Methodology, id: string, lang: string): string {
  const def = m.scoreGroups.find((g) => g.id === id);
  return def ? pick(def, lang) : id;
}

export function statusName(m: Methodology, s: Status | null, lang: string): string | undefined {
  if (s === null || s === 'na') return undefined;
  const def = m.statusScale.find((d) => d.value === s);
  return def ? pick(def, lang) : undefined;
}

/** A gate that capped the level, with what the locale needs to say why. */
export interface GateNotice {
  id: string;
  cap: number;
  groups: string;
  tiers: Tier[];
  minStatus: string;
  /** Components that hold the gate (gap rows flagged gate). */
  codes: string[];
}

export function gateNotices(result: ScoreResult, m: Methodology, gaps: readonly Gap[], lang: string): GateNotice[] {
  return result.gatesApplied
    .map((id) => m.gates.find((g) => g.id === id))
    .filter((g): g is GateDef => g !== undefined)
    .map((g) => {
      const groups = m.scoreGroups.filter((sg) => sg.members.some((code) => g.groups.includes(code)));
      const ids = new Set(groups.map((sg) => sg.id));
      return {
        id: g.id,
        cap: g.capLevel,
        groups: groups.map((sg) => pick(sg, lang)).join(', '),
        tiers: g.tiers,
        minStatus: statusName(m, g.minStatus, lang) ?? String(g.minStatus),
        codes: gaps.filter((x) => x.gate && ids.has(x.scoreGroup)).map((x) => x.code),
      };
    });
}

export interface RadarSeries {
  labels: string[];
  values: number[];
}

/** One axis per score group, in methodology order; a group with nothing applicable plots 0. */
export function radarSeries(result: ScoreResult, m: Methodology, lang: string): RadarSeries {
  const byId = new Map(result.groups.map((g) => [g.id, g]));
  return {
    labels: m.scoreGroups.map((g) => pick(g, lang)),
    values: m.scoreGroups.map((g) => byId.get(g.id)?.score ?? 0),
  };
}

export interface GapRow {
  code: string;
  label: string;
  /** 'vi' when the label is the source text (no translation for it). */
  labelLang: string;
  status: Status | null;
  gain: number;
  actor: Actor;
  gate: boolean;
  scoreGroup: string;
  /** Under a criteria set, an answered indicator that is not a status: the points it earns now. */
  earned?: { points: number; max: number };
}

export function gapRows(gaps: readonly Gap[], cat: Catalogue, translation: CatalogueTranslation | undefined): GapRow[] {
  const index = componentIndex(cat);
  return gaps.map((g) => {
    const c = index.get(g.code);
    const translated = translation?.components[g.code];
    return {
      code: g.code,
      label: c ? componentLabel(c, translation) : g.code,
      labelLang: translated ? (translation?.lang ?? 'vi') : 'vi',
      status: g.status,
      gain: g.gain,
      actor: g.actor,
      gate: g.gate,
      scoreGroup: g.scoreGroup,
    };
  });
}

/** Fraction digits for a gain in index points: one, or two below one point so small gains do not read "0,0". */
export function gainDigits(gain: number): number {
  return Math.abs(gain) < 1 ? 2 : 1;
}

/** The i18n key suffix for a status: "0"–"3", "na", or "none" (unanswered). */
export function statusKey(s: Status | null): string {
  return s === null ? 'none' : String(s);
}

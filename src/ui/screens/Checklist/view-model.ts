/**
 * What the checklist shows, as plain data: the applicable components by layer and
 * catalogue group (catalogue order), the upper-level context per group, which statuses
 * a component may take, and how to describe its tier and who acts.
 * Pure: no DOM, no i18n; the screen turns the keys into words.
 */
import { contextComponents } from '../../../domain/catalogue';
import { askedComponents } from '../../../domain/same-items';
import { checkAnswer } from '../../../domain/answer-rules';
import type {
  AreaType,
  Catalogue,
  CatalogueComponent,
  CatalogueGroup,
  CatalogueLayer,
  Methodology,
  Status,
} from '../../../domain/types';

export interface GroupSection {
  group: CatalogueGroup;
  /** Answerable components for this commune (essential + chosen area types, each same item once). */
  components: CatalogueComponent[];
  /** Central and provincial components: shown, never answered or scored. */
  context: CatalogueComponent[];
}

export interface LayerSection {
  layer: CatalogueLayer;
  groups: GroupSection[];
}

export function buildSections(cat: Catalogue, areaTypes: readonly AreaType[]): LayerSection[] {
  const byGroup = new Map<string, GroupSection>();
  for (const g of cat.groups) byGroup.set(g.code, { group: g, components: [], context: [] });
  for (const c of askedComponents(cat, areaTypes)) byGroup.get(c.group)?.components.push(c);
  for (const c of contextComponents(cat)) byGroup.get(c.group)?.context.push(c);
  return cat.layers.map((layer) => ({
    layer,
    groups: cat.groups
      .filter((g) => g.layer === layer.id)
      .map((g) => byGroup.get(g.code))
      .filter((s): s is GroupSection => !!s && (s.components.length > 0 || s.context.length > 0)),
  }));
}

/** The group code holding a component code, if any section has it. */
export function groupOfCode(sections: readonly LayerSection[], code: string | undefined): string | undefined {
  if (!code) return undefined;
  for (const l of sections) for (const g of l.groups) if (g.components.some((c) => c.code === code)) return g.group.code;
  return undefined;
}

/** The statuses offered for a component: 0–3, and "na" only where the methodology allows it. */
export function statusChoices(c: CatalogueComponent, m: Methodology): Status[] {
  const probe = { code: c.code, status: 'na' as const, naReason: 'x', updatedAt: '1970-01-01T00:00:00.000Z' };
  const naAllowed = !checkAnswer(c, probe, m).includes('na-not-allowed');
  return naAllowed ? [0, 1, 2, 3, 'na'] : [0, 1, 2, 3];
}

/** A stable, DOM-safe key for a status value (used in ids and i18n keys). */
export function statusKey(s: Status | null | undefined): string {
  return s === null || s === undefined ? 'none' : String(s);
}

export function parseStatus(v: string): Status | null {
  if (v === 'na') return 'na';
  const n = Number(v);
  return n === 0 || n === 1 || n === 2 || n === 3 ? n : null;
}

/** Badge: "Thiết yếu" or "Theo địa bàn: …". */
export type TierBadge =
  { kind: 'essential' } | { kind: 'area'; areaType: AreaType } | { kind: 'context'; tier: 'central' | 'provincial' };

export function tierBadge(c: CatalogueComponent): TierBadge {
  if (c.tier === 'commune-essential') return { kind: 'essential' };
  if (c.tier === 'area-specific') return { kind: 'area', areaType: c.areaType ?? 'rural' };
  return { kind: 'context', tier: c.tier };
}

/** Who provides / acts, as an i18n key suffix under "checklist.actor". */
export type ActorKey = 'exploit' | 'activity' | 'essential' | 'area' | 'central' | 'provincial';

export function actorKey(c: CatalogueComponent): ActorKey {
  if (c.tier === 'central' || c.tier === 'provincial') return c.tier;
  if (c.exploit) return 'exploit';
  if (c.kind === 'activity') return 'activity';
  return c.tier === 'area-specific' ? 'area' : 'essential';
}

/** Answered / total across sections from the group progress rows. */
export function totalProgress(rows: readonly { answered: number; total: number }[]): {
  answered: number;
  total: number;
  percent: number;
} {
  let answered = 0;
  let total = 0;
  for (const r of rows) {
    answered += r.answered;
    total += r.total;
  }
  return { answered, total, percent: total === 0 ? 0 : Math.round((100 * answered) / total) };
}

/**
 * The methodology's own words for a status 0–3 in the chosen language; undefined for
 * "na" and unanswered, which the screen's locale names.
 */
export function scaleLabel(s: Status | null | undefined, m: Methodology, lang: string): string | undefined {
  if (s === null || s === undefined || s === 'na') return undefined;
  const def = m.statusScale.find((d) => d.value === s);
  if (!def) return undefined;
  return lang === 'en' ? def.en : def.vi;
}

/**
 * Where the checklist opens: the last edited card and its group; without one, the first
 * group that still has an unanswered component (else the first group), with no card focused.
 */
export function resumePoint(
  sections: readonly LayerSection[],
  lastCode: string | undefined,
  answers: Readonly<Record<string, { status: Status | null } | undefined>>,
): { group: string | undefined; code: string | undefined } {
  const last = groupOfCode(sections, lastCode);
  if (last) return { group: last, code: lastCode };
  const all = sections.flatMap((l) => l.groups).filter((g) => g.components.length > 0);
  const unanswered = (code: string) => {
    const s = answers[code]?.status;
    return s === null || s === undefined;
  };
  const first = all.find((g) => g.components.some((c) => unanswered(c.code))) ?? all[0];
  return { group: first?.group.code, code: undefined };
}

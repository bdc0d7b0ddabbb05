/**
 * The "same item" rule of the applicability layer. The model lists some area-specific items under
 * several area types with the same meaning (HTS12/HTS16 "Hạ tầng truyền thanh…", ƯDCQS13/17/21
 * "Truyền thanh cơ sở", ƯDKTS13/17 "Giải pháp hỗ trợ hợp tác xã"); the catalogue names these sets
 * in `sameItems`. A commune of several of those types is asked once, and its one answer counts for
 * every member that applies. Scoring, progress, validation and the checklist all see the rule
 * through this file only.
 */
import { applicableComponents } from './catalogue';
import { AREA_TYPES } from './vocabulary';
import type { Answer, AnswerMap, AreaType, Catalogue, CatalogueComponent } from './types';

interface SameItemIndex {
  /** The set a code belongs to (catalogue order), for codes in some set. */
  setOf: ReadonlyMap<string, readonly string[]>;
}

const indexCache = new WeakMap<Catalogue, SameItemIndex>();

function sameItemIndex(cat: Catalogue): SameItemIndex {
  let index = indexCache.get(cat);
  if (!index) {
    const order = new Map(cat.components.map((c, i) => [c.code, i]));
    const setOf = new Map<string, readonly string[]>();
    for (const set of cat.sameItems ?? []) {
      const sorted = [...set].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
      for (const code of sorted) setOf.set(code, sorted);
    }
    index = { setOf };
    indexCache.set(cat, index);
  }
  return index;
}

/** The same-item set holding a code (itself alone when it is in none). */
export function sameItemSet(cat: Catalogue, code: string): readonly string[] {
  return sameItemIndex(cat).setOf.get(code) ?? [code];
}

/**
 * The code under which a component is asked for these area types: the first member of its set
 * (catalogue order) that applies, even when the code itself does not (rural only: HTS12 is asked
 * as HTS16). A code none of whose set applies is returned as it is.
 */
export function askedCode(cat: Catalogue, areaTypes: readonly AreaType[], code: string): string {
  const set = sameItemSet(cat, code);
  if (set.length === 1) return code;
  const applicable = new Set(applicableComponents(cat, areaTypes).map((c) => c.code));
  return set.find((c) => applicable.has(c)) ?? code;
}

/** What a commune of these area types is asked: the applicable components, each same item once. */
export function askedComponents(cat: Catalogue, areaTypes: readonly AreaType[]): CatalogueComponent[] {
  const applicable = applicableComponents(cat, areaTypes);
  const codes = new Set(applicable.map((c) => c.code));
  return applicable.filter((c) => {
    const set = sameItemSet(cat, c.code);
    return set.length === 1 || set.find((s) => codes.has(s)) === c.code;
  });
}

const membersCache = new WeakMap<Catalogue, Map<string, ReadonlyMap<string, string>>>();

/**
 * The applicable members not asked themselves, each with the code asked in their place. Cached per
 * catalogue and area types: scoring calls this on every tap.
 */
export function sharedMembers(cat: Catalogue, areaTypes: readonly AreaType[]): ReadonlyMap<string, string> {
  let byArea = membersCache.get(cat);
  if (!byArea) membersCache.set(cat, (byArea = new Map()));
  // Canonical and bounded: unknown strings from a hostile payload cannot grow the cache.
  const chosen = AREA_TYPES.filter((t) => areaTypes.includes(t));
  const key = chosen.join('+');
  let out = byArea.get(key);
  if (!out) {
    const members = new Map<string, string>();
    for (const c of applicableComponents(cat, chosen)) {
      const asked = askedCode(cat, chosen, c.code);
      if (asked !== c.code) members.set(c.code, asked);
    }
    byArea.set(key, (out = members));
  }
  return out;
}

const newer = (a: Answer | undefined, b: Answer | undefined): Answer | undefined =>
  !a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a;

/**
 * The answers as scoring and progress see them: each applicable member of a same-item set carries
 * the set's one answer, under its own code. The set's answer is the one stored under the asked
 * code; failing that (an older phone that answered another member), the newest applicable
 * member's. Returns the input object itself when no set applies twice.
 */
export function effectiveAnswers(cat: Catalogue, areaTypes: readonly AreaType[], answers: AnswerMap): AnswerMap {
  const members = sharedMembers(cat, areaTypes);
  if (members.size === 0) return answers;
  const out: Record<string, Answer | undefined> = { ...answers };
  const byAsked = new Map<string, string[]>();
  for (const [member, asked] of members) byAsked.set(asked, [...(byAsked.get(asked) ?? []), member]);
  for (const [asked, others] of byAsked) {
    let shared = answers[asked];
    if (!shared) for (const m of others) shared = newer(shared, answers[m]);
    if (!shared) continue;
    out[asked] = { ...shared, code: asked };
    for (const m of others) out[m] = { ...shared, code: m };
  }
  return out;
}

/**
 * The criteria sets offered for a new assessment, as data: the provisional method (recorded as no
 * set at all), the other sets bundled with the app, and the newest published version of each set
 * the commune's province published and this phone downloaded. The default is the province's
 * newest published set; with none, the provisional method (the national default). Pure.
 */
import { BUNDLED_CRITERIA_SETS } from '../../../data/load';
import type { CriteriaSet } from '../../../domain/criteria/schema';
import type { CriteriaSetRef } from '../../../domain/types';

const provisional = BUNDLED_CRITERIA_SETS[0];
/** The provisional method: the default without a province set, recorded as no set at all. */
export const PROVISIONAL_KEY = `${provisional.id}@${provisional.version}`;

export interface SetChoice {
  /** "id@version". */
  key: string;
  /** Undefined for the provisional method (its words are the screen's own). */
  set?: CriteriaSet;
  /** When the province published it; only for a downloaded set. */
  publishedAt?: string;
}

/** What a downloaded set brings to the choice (a DownloadedSetRow is one). */
export interface PublishedSet {
  key: string;
  publishedAt: string;
  set: CriteriaSet;
}

const newer = (a: PublishedSet, b: PublishedSet): boolean =>
  a.publishedAt > b.publishedAt || (a.publishedAt === b.publishedAt && a.set.version > b.set.version);

/** Bundled sets (undefined: its chunk could not load, not offered) then the province's, newest version of each. */
export function setChoices(bundled: readonly (CriteriaSet | undefined)[], published: readonly PublishedSet[]): SetChoice[] {
  const choices: SetChoice[] = [{ key: PROVISIONAL_KEY }];
  for (const set of bundled) {
    const key = set && `${set.id}@${set.version}`;
    if (set && key !== PROVISIONAL_KEY) choices.push({ key: key!, set });
  }
  const newest = new Map<string, PublishedSet>();
  for (const p of published) {
    const held = newest.get(p.set.id);
    if (!held || newer(p, held)) newest.set(p.set.id, p);
  }
  const province = [...newest.values()].sort((a, b) => (newer(a, b) ? -1 : 1));
  for (const p of province) choices.push({ key: p.key, set: p.set, publishedAt: p.publishedAt });
  return choices;
}

/** The province's newest published set, else the provisional method. */
export function defaultSetKey(choices: readonly SetChoice[]): string {
  let best: SetChoice | undefined;
  for (const c of choices) if (c.publishedAt !== undefined && (!best || c.publishedAt > best.publishedAt!)) best = c;
  return best?.key ?? PROVISIONAL_KEY;
}

/** What createAssessment records for a chosen choice: nothing for the provisional method. */
export function refOfChoice(choice: SetChoice | undefined): CriteriaSetRef | undefined {
  return choice?.set && choice.key !== PROVISIONAL_KEY ? { id: choice.set.id, version: choice.set.version } : undefined;
}

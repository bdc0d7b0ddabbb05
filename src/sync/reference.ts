/**
 * The catalogue, methodology and criteria sets an assessment is checked against before it goes
 * up. Loaded lazily (their chunks are precached by the service worker, so this works offline);
 * injectable so tests and callers that already hold them skip the import.
 */
import type { CriteriaSet } from '../domain/criteria/schema';
import { criteriaSetKey } from '../domain/criteria/submission';
import type { Catalogue, CriteriaSetRef, Methodology } from '../domain/types';
import { BUNDLED_CRITERIA_SETS, loadCatalogue, loadCriteriaSet, loadMethodology } from '../data/load';

export interface Reference {
  catalogue: Catalogue;
  methodology: Methodology;
  /** The bundled criteria sets by "id@version" (left out: none, as for an older caller). */
  criteriaSets?: ReadonlyMap<string, CriteriaSet>;
}

export type LoadReference = () => Promise<Reference>;

/** The set an assessment names, from the reference; undefined when it names none or one not held. */
export function criteriaSetIn(ref: Reference, named: CriteriaSetRef | undefined): CriteriaSet | undefined {
  return named ? ref.criteriaSets?.get(criteriaSetKey(named)) : undefined;
}

export const loadReference: LoadReference = async () => {
  const [catalogue, methodology, ...sets] = await Promise.all([
    loadCatalogue(),
    loadMethodology(),
    ...BUNDLED_CRITERIA_SETS.map((s) => loadCriteriaSet(s.id, s.version)),
  ]);
  const criteriaSets = new Map<string, CriteriaSet>();
  for (const set of sets) if (set) criteriaSets.set(criteriaSetKey(set), set);
  return { catalogue, methodology, criteriaSets };
};

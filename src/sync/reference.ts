/**
 * The catalogue, methodology and criteria sets (bundled and downloaded, held-sets.ts) an
 * assessment is checked against before it goes up. Loaded lazily (their chunks are precached by the service worker, so this works offline);
 * injectable so tests and callers that already hold them skip the import.
 */
import type { CriteriaSet } from '../domain/criteria/schema';
import { criteriaSetKey } from '../domain/criteria/submission';
import type { Catalogue, CriteriaSetRef, Methodology } from '../domain/types';
import { loadCatalogue, loadMethodology } from '../data/load';
import { heldCriteriaSets } from './held-sets';

export interface Reference {
  catalogue: Catalogue;
  methodology: Methodology;
  /** The criteria sets held (bundled and downloaded) by "id@version" (left out: none, as for an older caller). */
  criteriaSets?: ReadonlyMap<string, CriteriaSet>;
}

export type LoadReference = () => Promise<Reference>;

/** The set an assessment names, from the reference; undefined when it names none or one not held. */
export function criteriaSetIn(ref: Reference, named: CriteriaSetRef | undefined): CriteriaSet | undefined {
  return named ? ref.criteriaSets?.get(criteriaSetKey(named)) : undefined;
}

export const loadReference: LoadReference = async () => {
  const [catalogue, methodology, criteriaSets] = await Promise.all([loadCatalogue(), loadMethodology(), heldCriteriaSets()]);
  return { catalogue, methodology, criteriaSets };
};

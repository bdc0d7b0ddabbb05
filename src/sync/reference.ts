/**
 * The catalogue and methodology an assessment is checked against before it goes up. Loaded
 * lazily (their chunks are precached by the service worker, so this works offline); injectable
 * so tests and callers that already hold them skip the import.
 */
import type { Catalogue, Methodology } from '../domain/types';
import { loadCatalogue, loadMethodology } from '../data/load';

export interface Reference {
  catalogue: Catalogue;
  methodology: Methodology;
}

export type LoadReference = () => Promise<Reference>;

export const loadReference: LoadReference = async () => {
  const [catalogue, methodology] = await Promise.all([loadCatalogue(), loadMethodology()]);
  return { catalogue, methodology };
};

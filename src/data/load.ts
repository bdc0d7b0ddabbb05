/**
 * Loaders of the versioned data files under data/. Each is a dynamic import(), so each file
 * becomes its own chunk: none of them weighs on the first screen, the service worker precaches
 * the Vietnamese ones, and a language's catalogue labels download only when that language is
 * chosen. Each loader keeps its promise, so callers may call it freely; a failed load (offline
 * before the chunk was ever cached) is forgotten so that the next call tries again.
 */
import type { Catalogue, CatalogueTranslation, Methodology } from '../domain/types';
import type { AdminUnits } from '../domain/admin-units';
import type { CriteriaSet } from '../domain/criteria';
import type { SupportKindsFile, Survey } from '../domain/community/schemas';

export const CURRENT_CATALOGUE_VERSION = '2026.1';
export const CURRENT_METHODOLOGY_ID = 'provisional-2026.1';

function cached<T>(load: () => Promise<T>): () => Promise<T> {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((err: unknown) => {
      promise = undefined;
      throw err;
    });
    return promise;
  };
}

// The JSON's inferred literal types are not the domain types; the files are checked against the
// domain schemas by the data tests (test/data), so a cast is all that is needed here.
export const loadCatalogue = cached(
  async () => (await import('../../data/catalogue/2026.1/catalogue.json')).default as unknown as Catalogue,
);

export const loadMethodology = cached(
  async () => (await import('../../data/methodology/provisional-2026.1.json')).default as unknown as Methodology,
);

export const loadAdminUnits = cached(
  async () => (await import('../../data/admin-units/vn-admin-units-2025.json')).default as unknown as AdminUnits,
);

// Community teams (issue #15): only a team phone loads these.
export const loadSupportKinds = cached(
  async () => (await import('../../data/community/support-kinds-2026.1.json')).default as unknown as SupportKindsFile,
);
export const loadDefaultSurvey = cached(
  async () => (await import('../../data/community/survey-default-2026.1.json')).default as unknown as Survey,
);

const loadEnglishCatalogue = cached(
  async () => (await import('../../data/catalogue/2026.1/en.json')).default as unknown as CatalogueTranslation,
);

/** Catalogue labels in `lang`; undefined for Vietnamese (the catalogue's own language). */
export async function loadCatalogueTranslation(lang: string): Promise<CatalogueTranslation | undefined> {
  if (lang === 'en') return loadEnglishCatalogue();
  return undefined;
}

/**
 * The criteria sets that ship with the app, in the order the officer is offered them (the
 * provisional method first: the default). Their titles and notices live in the files.
 */
export const BUNDLED_CRITERIA_SETS = [
  { id: 'provisional', version: '2026.1' },
  { id: 'template-commune-index', version: '2026.1' },
] as const;

/** The criteria sets that ship with the app, by "id@version"; each its own lazy chunk. */
const criteriaSetLoaders: Record<string, () => Promise<{ default: unknown }>> = {
  'provisional@2026.1': () => import('../../data/criteria/provisional-2026.1.json'),
  'template-commune-index@2026.1': () => import('../../data/criteria/template-commune-index-2026.1.json'),
};

/** A bundled criteria set, or undefined when this build does not ship it. */
export async function loadCriteriaSet(id: string, version: string): Promise<CriteriaSet | undefined> {
  const load = criteriaSetLoaders[`${id}@${version}`];
  return load ? ((await load()).default as CriteriaSet) : undefined;
}

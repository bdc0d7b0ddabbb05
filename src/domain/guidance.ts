/**
 * Guidance for the components a commune scores (data/catalogue/<version>/guidance.json): what
 * each one means, and what each status 0–3 looks like for that item. Types and lookups only, no
 * zod, so the checklist can use them; the schema and the coverage check are in guidance-schema.ts.
 */
import { applicableComponents } from './catalogue';
import type { Catalogue, CatalogueComponent } from './types';
import { AREA_TYPES } from './vocabulary';

/** A text in Vietnamese (the source language, always there) and, where written, in English. */
export interface GuidanceText {
  vi: string;
  en?: string;
}

export interface ComponentGuidanceEntry extends GuidanceText {
  /** What statuses 0, 1, 2 and 3 look like for this component, in that order. */
  levels: GuidanceText[];
}

export interface ComponentGuidance {
  catalogueVersion: string;
  source: { file: string; section: string; note: string };
  /** By component code. */
  components: Record<string, ComponentGuidanceEntry>;
}

/**
 * The English of a guidance file (data/catalogue/<version>/guidance.<lang>.json), keyed by the same
 * codes. Kept beside the Vietnamese and checked by the tests; the app does not ship it yet (see
 * data/catalogue/README.md): the English screens show the Vietnamese guidance, marked lang="vi".
 */
export interface GuidanceTranslation {
  catalogueVersion: string;
  lang: string;
  components: Record<string, { text: string; levels: string[] }>;
}

/**
 * The components a commune may be scored on: every commune-essential one and the area-specific
 * ones of every area type (central and provincial ones are context, never scored).
 */
export function communeScoredComponents(cat: Catalogue): CatalogueComponent[] {
  return applicableComponents(cat, AREA_TYPES);
}

/** The text in `lang` when written, else the Vietnamese; `lang` says which one it is (for the lang attribute). */
export function guidanceText(t: GuidanceText, lang: string): { text: string; lang: string } {
  return lang === 'en' && t.en ? { text: t.en, lang: 'en' } : { text: t.vi, lang: 'vi' };
}

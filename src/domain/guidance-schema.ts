/**
 * The zod schema of a component guidance file (data/catalogue/<version>/guidance.json) and the
 * check of its keys against the catalogue: every commune-scored component has guidance with its
 * four levels, and every key is a real component code.
 */
import { z } from 'zod';
import type { ComponentGuidance, GuidanceTranslation } from './guidance';
import { communeScoredComponents } from './guidance';
import { nfcText } from './schemas';
import type { Same } from './same-type';
import type { Catalogue } from './types';

const GuidanceTextSchema = z.strictObject({ vi: nfcText, en: nfcText.optional() });

const ComponentGuidanceEntrySchema = z.strictObject({
  vi: nfcText,
  en: nfcText.optional(),
  levels: z.array(GuidanceTextSchema).length(4, 'one text for each status 0, 1, 2, 3'),
});

export const ComponentGuidanceSchema = z.strictObject({
  catalogueVersion: z.string().min(1),
  source: z.strictObject({ file: z.string().min(1), section: z.string().min(1), note: nfcText }),
  components: z.record(z.string(), ComponentGuidanceEntrySchema),
});

export interface GuidanceCoverage {
  /** Commune-scored components without guidance. */
  missing: string[];
  /** Keys that name no component of the catalogue. */
  unknown: string[];
  /** Keys that name a central or provincial component (context, never scored). */
  notScored: string[];
}

export function guidanceCoverage(cat: Catalogue, g: ComponentGuidance): GuidanceCoverage {
  const scored = new Set(communeScoredComponents(cat).map((c) => c.code));
  const known = new Set(cat.components.map((c) => c.code));
  const keys = Object.keys(g.components);
  return {
    missing: [...scored].filter((code) => !(code in g.components)),
    unknown: keys.filter((code) => !known.has(code)),
    notScored: keys.filter((code) => known.has(code) && !scored.has(code)),
  };
}

/** Parses a guidance file for a catalogue; throws with the codes at fault when it does not cover it exactly. */
export function parseComponentGuidance(json: unknown, cat: Catalogue): ComponentGuidance {
  const g = ComponentGuidanceSchema.parse(json);
  if (g.catalogueVersion !== cat.version) throw new Error(`guidance is for catalogue ${g.catalogueVersion}, not ${cat.version}`);
  const { missing, unknown, notScored } = guidanceCoverage(cat, g);
  const problems = [
    missing.length ? `no guidance for ${missing.join(', ')}` : '',
    unknown.length ? `unknown component codes ${unknown.join(', ')}` : '',
    notScored.length ? `not commune-scored ${notScored.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw new Error(problems.join('; '));
  return g;
}

export const GuidanceTranslationSchema = z.strictObject({
  catalogueVersion: z.string().min(1),
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'BCP 47 language tag'),
  components: z.record(
    z.string(),
    z.strictObject({ text: nfcText, levels: z.array(nfcText).length(4, 'one text for each status 0, 1, 2, 3') }),
  ),
});

/** Parses a translation of `g`; throws with the codes at fault when its codes are not exactly g's. */
export function parseGuidanceTranslation(json: unknown, g: ComponentGuidance): GuidanceTranslation {
  const tr = GuidanceTranslationSchema.parse(json);
  if (tr.catalogueVersion !== g.catalogueVersion)
    throw new Error(`translation is for catalogue ${tr.catalogueVersion}, not ${g.catalogueVersion}`);
  const missing = Object.keys(g.components).filter((code) => !(code in tr.components));
  const extra = Object.keys(tr.components).filter((code) => !(code in g.components));
  const problems = [
    missing.length ? `no ${tr.lang} text for ${missing.join(', ')}` : '',
    extra.length ? `${tr.lang} text for codes without guidance ${extra.join(', ')}` : '',
  ].filter(Boolean);
  if (problems.length) throw new Error(problems.join('; '));
  return tr;
}

const _guidanceMatches: Same<z.infer<typeof ComponentGuidanceSchema>, ComponentGuidance> = true;
const _translationMatches: Same<z.infer<typeof GuidanceTranslationSchema>, GuidanceTranslation> = true;

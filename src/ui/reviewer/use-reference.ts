/**
 * The catalogue and methodology (labels of components, groups, layers, levels and statuses),
 * loaded from the same versioned data files the phone uses, in the current language.
 */
import { useEffect, useState } from 'preact/hooks';
import { loadCatalogue, loadCatalogueTranslation, loadMethodology } from '../../data/load';
import { useLanguage } from '../../i18n';
import type { Catalogue, CatalogueTranslation, Methodology } from '../../domain/types';
import { levelName as domainLevelName } from '../../domain/vocabulary';

export interface Reference {
  catalogue: Catalogue;
  methodology: Methodology;
  translation: CatalogueTranslation | undefined;
  lang: string;
}

export function useReference(): Reference | undefined {
  const lang = useLanguage();
  const [ref, setRef] = useState<Reference | undefined>();
  useEffect(() => {
    let live = true;
    Promise.all([loadCatalogue(), loadMethodology(), loadCatalogueTranslation(lang).catch(() => undefined)]).then(
      ([catalogue, methodology, translation]) => {
        if (live) setRef({ catalogue, methodology, translation, lang });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return ref;
}

/** "Phát triển" / "Developing" for level 3; '' when unknown or not loaded yet. */
export function levelName(ref: Reference | undefined, level: number | null | undefined): string {
  return ref ? domainLevelName(ref.methodology, level, ref.lang) : '';
}

/** Name of a score group ("HTS" → "Hạ tầng số"). */
export function scoreGroupName(ref: Reference | undefined, id: string): string {
  const def = ref?.methodology.scoreGroups.find((g) => g.id === id);
  if (!def) return id;
  return ref?.lang === 'vi' ? def.vi : def.en;
}

/** Name of a layer (1–4) from the catalogue, translated when possible. */
export function layerName(ref: Reference | undefined, layer: number): string {
  const def = ref?.catalogue.layers.find((l) => l.id === layer);
  if (!def) return String(layer);
  return ref?.translation?.layers[String(layer)] || def.vi;
}

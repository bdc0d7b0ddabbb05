/**
 * Lookups over a catalogue (data/catalogue/<version>/catalogue.json): which components a
 * commune answers, which are shown only as context, and the labels in the chosen language.
 */
import type { AreaType, Catalogue, CatalogueComponent, CatalogueGroup, CatalogueLayer, CatalogueTranslation } from './types';

const componentIndexCache = new WeakMap<Catalogue, ReadonlyMap<string, CatalogueComponent>>();

/** Components by code; built once per catalogue object. */
export function componentIndex(cat: Catalogue): ReadonlyMap<string, CatalogueComponent> {
  let index = componentIndexCache.get(cat);
  if (!index) {
    index = new Map(cat.components.map((c) => [c.code, c]));
    componentIndexCache.set(cat, index);
  }
  return index;
}

/**
 * What a commune of the given area types assesses: every commune-essential component, plus
 * the area-specific ones of any chosen type, in catalogue order. Each component appears once
 * however many types are chosen (a commune may be both rural and mountainous).
 */
export function applicableComponents(cat: Catalogue, areaTypes: readonly AreaType[]): CatalogueComponent[] {
  const chosen = new Set(areaTypes);
  return cat.components.filter(
    (c) => c.tier === 'commune-essential' || (c.tier === 'area-specific' && c.areaType !== undefined && chosen.has(c.areaType)),
  );
}

/** Central and provincial components: shown so the commune sees what it exploits, never scored. */
export function contextComponents(cat: Catalogue): CatalogueComponent[] {
  return cat.components.filter((c) => c.tier === 'central' || c.tier === 'provincial');
}

/** Must be answered before submitting: essential, and not an open "…khác" item the commune may leave empty. */
export function isRequired(c: CatalogueComponent): boolean {
  return c.tier === 'commune-essential' && !c.open;
}

/** English (or another language) when the translation has the text, else the source Vietnamese. */
export function componentLabel(c: CatalogueComponent, translation?: CatalogueTranslation): string {
  return translation?.components[c.code] || c.vi;
}

export function groupLabel(g: CatalogueGroup, translation?: CatalogueTranslation): string {
  return translation?.groups[g.code] || g.vi;
}

export function layerLabel(l: CatalogueLayer, translation?: CatalogueTranslation): string {
  return translation?.layers[String(l.id)] || l.vi;
}

/**
 * The part of scoring that depends only on (catalogue, methodology, area types): which components
 * are applicable, which score group and gate each falls in. Built once and cached, so that
 * rescoring on every tap is a single pass over ~120 answers.
 */
import { applicableComponents, isRequired } from './catalogue';
import { AREA_TYPES } from './vocabulary';
import type { AreaType, Catalogue, CatalogueComponent, LayerId, Methodology } from './types';

export interface PlannedComponent {
  component: CatalogueComponent;
  /** Index into methodology.scoreGroups; -1 when no score group takes its catalogue group. */
  scoreGroup: number;
  required: boolean;
  /** Indexes into methodology.gates whose groups and tiers include this component. */
  gates: number[];
}

export interface ScoringPlan {
  /** Applicable components, catalogue order. */
  components: PlannedComponent[];
  /** Layer of each score group, by index into methodology.scoreGroups. */
  groupLayer: LayerId[];
  /**
   * Layers that enter the index: those with at least one applicable component in a score group.
   * A layer with nothing applicable at all has nothing to measure, so it is left out of the mean.
   */
  layers: LayerId[];
}

export function assertCompatible(catalogue: Catalogue, methodology: Methodology): void {
  if (!methodology.catalogueVersions.includes(catalogue.version)) {
    throw new Error(
      `Methodology "${methodology.id}" cannot score catalogue version "${catalogue.version}" ` +
        `(it supports: ${methodology.catalogueVersions.join(', ')})`,
    );
  }
  // Indicators need numeric answers this module does not read yet: refuse rather than mis-score.
  if (methodology.indicators.length > 0) {
    throw new Error(`Methodology "${methodology.id}" has numeric indicators, which this scoring module cannot score yet`);
  }
}

function buildPlan(catalogue: Catalogue, methodology: Methodology, areaTypes: readonly AreaType[]): ScoringPlan {
  const groupOf = new Map<string, number>();
  methodology.scoreGroups.forEach((g, i) => g.members.forEach((code) => groupOf.set(code, i)));
  const components = applicableComponents(catalogue, areaTypes).map((component) => ({
    component,
    scoreGroup: groupOf.get(component.group) ?? -1,
    required: isRequired(component),
    gates: methodology.gates.flatMap((gate, i) =>
      gate.groups.includes(component.group) && gate.tiers.includes(component.tier) ? [i] : [],
    ),
  }));
  const groupLayer = methodology.scoreGroups.map((g) => g.layer);
  const present = new Set(components.flatMap((p) => (p.scoreGroup < 0 ? [] : [groupLayer[p.scoreGroup]])));
  const layers = [...new Set(groupLayer)].sort((a, b) => a - b).filter((l) => present.has(l));
  return { components, groupLayer, layers };
}

const planCache = new WeakMap<Catalogue, WeakMap<Methodology, Map<string, ScoringPlan>>>();

/** The cached plan; the catalogue and methodology objects are treated as immutable once loaded. */
export function scoringPlan(catalogue: Catalogue, methodology: Methodology, areaTypes: readonly AreaType[]): ScoringPlan {
  assertCompatible(catalogue, methodology);
  let byMethodology = planCache.get(catalogue);
  if (!byMethodology) planCache.set(catalogue, (byMethodology = new WeakMap()));
  let byArea = byMethodology.get(methodology);
  if (!byArea) byMethodology.set(methodology, (byArea = new Map()));
  // Canonical and bounded: unknown strings from a hostile payload cannot grow the cache.
  const chosen = AREA_TYPES.filter((t) => areaTypes.includes(t));
  const key = chosen.join('+');
  let plan = byArea.get(key);
  if (!plan) byArea.set(key, (plan = buildPlan(catalogue, methodology, chosen)));
  return plan;
}

/**
 * The provisional methodology re-expressed as a criteria set: one status indicator per
 * commune-scored catalogue component (weight = points in its score group), score groups as
 * weighted means, layers as plain means of their groups (a layer whose components are all N/A
 * scores 0), the index as the mean of the layers, and the ANM gate over its essential components.
 * data/criteria/provisional-2026.1.json is this function's output, checked in (a test keeps the
 * two equal) so that the set is data like any other; test/domain/criteria/provisional.property.test.ts
 * proves it scores exactly as src/domain/scoring.ts does.
 */
import { isRequired } from '../catalogue';
import { naAllowed } from '../answer-rules';
import type { Catalogue, CatalogueTranslation, Methodology } from '../types';
import type { CriteriaGroup, CriteriaIndicator, CriteriaSet } from './schema';

const STATUS_FRACTIONS = [0, '1/3', '2/3', 1];

export function criteriaSetFromMethodology(catalogue: Catalogue, en: CatalogueTranslation, m: Methodology): CriteriaSet {
  const [id, version] = [m.id.replace(/-\d{4}\.\d+$/, ''), /\d{4}\.\d+$/.exec(m.id)?.[0] ?? catalogue.version];
  const layers = [...new Set(m.scoreGroups.map((g) => g.layer))].sort((a, b) => a - b);
  const groups: CriteriaGroup[] = [
    ...layers.map((l): CriteriaGroup => ({
      id: `L${l}`,
      vi: catalogue.layers.find((x) => x.id === l)?.vi ?? `Lớp ${l}`,
      en: en.layers[String(l)] ?? `Layer ${l}`,
      aggregate: 'mean',
      ifNoneCounted: 'zero',
    })),
    ...m.scoreGroups.map((g): CriteriaGroup => ({
      id: g.id,
      parent: `L${g.layer}`,
      vi: g.vi,
      en: g.en,
      aggregate: 'mean',
      ifNoneCounted: 'not-counted',
    })),
  ];
  const groupOf = new Map(m.scoreGroups.flatMap((g) => g.members.map((code) => [code as string, g.id])));
  const indicators = catalogue.components.flatMap((c): CriteriaIndicator[] => {
    const group = groupOf.get(c.group);
    if ((c.tier !== 'commune-essential' && c.tier !== 'area-specific') || group === undefined) return [];
    return [
      {
        code: c.code,
        group,
        vi: c.vi,
        en: en.components[c.code] ?? c.code,
        points: c.open ? m.weights.open : m.weights[c.tier],
        input: {
          kind: 'status',
          component: c.code,
          naAllowed: naAllowed(c, m),
          ...(c.open && m.openItemsCountOnlyWhenNamed ? { countOnlyWhenNamed: true } : {}),
        },
        rule: { kind: 'status', fractions: STATUS_FRACTIONS },
        required: m.submission.requireEssentialAnswered && isRequired(c),
      },
    ];
  });
  const gates = m.gates.map((g) => ({
    id: g.id,
    indicators: catalogue.components
      .filter((c) => g.groups.includes(c.group) && g.tiers.includes(c.tier) && indicators.some((x) => x.code === c.code))
      .map((c) => c.code),
    below: g.minStatus === 0 ? 0 : `${g.minStatus}/${m.maxStatus}`,
    capLevel: g.capLevel,
    vi: g.vi,
    en: g.en,
  }));
  return {
    id,
    version,
    title: m.title,
    template: false,
    catalogueVersions: m.catalogueVersions,
    total: { aggregate: 'mean', points: 100, decimals: 1 },
    statusScale: m.statusScale,
    groups,
    indicators,
    levels: m.levels,
    gates,
  };
}

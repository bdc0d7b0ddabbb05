/**
 * The admin's all-provinces view (GET /api/v1/provinces), from commune_scores (one row per
 * commune, kept with each stored revision) like the province summary: two grouped queries, no
 * payload read and no JSON parsed, whatever the number of assessments in the country. Before, it
 * parsed the latest score of every assessment of the country on every request.
 * Same rules as the summary (services/province-stats.ts): a commune counts once, by its latest
 * received assessment; averages are means of the stored one-decimal scores.
 */
import type { AppDeps } from '../context';
import { levelsByProvince, scoreTotals } from '../repositories/commune-scores';
import type { ProvinceOverview } from '../schemas/provinces';
import { averagesOf } from './province-stats';

export async function nationalOverview(deps: AppDeps): Promise<ProvinceOverview> {
  const [totals, levelRows] = await Promise.all([scoreTotals(deps.db, {}, 0, true), levelsByProvince(deps.db)]);
  const levels = deps.reference.methodologies.get(deps.reference.current.methodologyId)?.levels.map((l) => l.level) ?? [];
  const provinces = deps.reference.adminUnits.provinces.map((p) => {
    const own = levelRows.filter((r) => r.provinceCode === p.code);
    const averages = averagesOf(
      totals.filter((t) => t.provinceCode === p.code),
      deps.reference,
    );
    return {
      code: p.code,
      name: p.name,
      communes: { total: p.communes.length, submitted: own.reduce((n, r) => n + r.communes, 0) },
      averageIndex: averages.index,
      levels: levels.map((level) => ({ level, count: own.find((r) => r.level === level)?.communes ?? 0 })),
      layers: [1, 2, 3, 4].map((layer) => ({ layer, score: averages.layers.get(layer) ?? null })),
    };
  });
  const total = deps.reference.adminUnits.provinces.reduce((n, p) => n + p.communes.length, 0);
  const submitted = levelRows.reduce((n, r) => n + r.communes, 0);
  return { provinces, national: { communes: { total, submitted }, averageIndex: averagesOf(totals, deps.reference).index } };
}

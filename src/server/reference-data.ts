/**
 * The reference data the server validates and scores against: every catalogue version, every
 * methodology and the administrative units, read from data/ in the repository (never copied),
 * checked against the domain schemas once at start-up, then held read-only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdminUnits, Commune, Province } from '../domain/admin-units';
import { criteriaSetKey, parseCriteriaSet } from '../domain/criteria';
import type { CriteriaSet } from '../domain/criteria';
import { parseMethodology } from '../domain/methodology-schema';
import { AdminUnitsSchema, CatalogueSchema } from '../domain/schemas';
import type { Catalogue, Methodology } from '../domain/types';

export interface ReferenceData {
  catalogues: ReadonlyMap<string, Catalogue>;
  methodologies: ReadonlyMap<string, Methodology>;
  /** Criteria sets by "id@version" (criteriaSetKey): what a submission's criteriaSet names. */
  criteriaSets: ReadonlyMap<string, CriteriaSet>;
  adminUnits: AdminUnits;
  provinces: ReadonlyMap<string, Province>;
  /** Commune code → its commune and province. */
  communes: ReadonlyMap<string, { commune: Commune; province: Province }>;
  /** What a new assessment uses: the newest catalogue and a methodology that scores it. */
  current: { catalogueVersion: string; methodologyId: string };
}

/**
 * The repository's data/ folder, found by walking up from this module: the same code runs from
 * src/server/ (tsx, tests) and bundled into dist-server/main.js (npm start), at different depths.
 */
function findDataDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'data', 'catalogue'))) return path.join(dir, 'data');
    if (path.dirname(dir) === dir) throw new Error(`no data/catalogue folder above ${fileURLToPath(import.meta.url)}`);
  }
}

export const DEFAULT_DATA_DIR = findDataDir();

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const byVersion = (a: string, b: string): number => a.localeCompare(b, 'en', { numeric: true });

export function buildReferenceData(
  catalogues: Catalogue[],
  methodologies: Methodology[],
  adminUnits: AdminUnits,
  criteriaSets: readonly CriteriaSet[] = [],
): ReferenceData {
  const newest = [...catalogues].sort((a, b) => byVersion(a.version, b.version)).at(-1);
  if (!newest) throw new Error('no catalogue found');
  const methodology = [...methodologies]
    .sort((a, b) => byVersion(a.id, b.id))
    .filter((m) => m.catalogueVersions.includes(newest.version))
    .at(-1);
  if (!methodology) throw new Error(`no methodology scores catalogue ${newest.version}`);
  return {
    catalogues: new Map(catalogues.map((c) => [c.version, c])),
    methodologies: new Map(methodologies.map((m) => [m.id, m])),
    criteriaSets: new Map(criteriaSets.map((s) => [criteriaSetKey(s), s])),
    adminUnits,
    provinces: new Map(adminUnits.provinces.map((p) => [p.code, p])),
    communes: new Map(adminUnits.provinces.flatMap((p) => p.communes.map((c) => [c.code, { commune: c, province: p }] as const))),
    current: { catalogueVersion: newest.version, methodologyId: methodology.id },
  };
}

/** Reads data/catalogue/<version>/catalogue.json, data/methodology/*.json and data/admin-units. */
export function loadReferenceData(dataDir: string = DEFAULT_DATA_DIR): ReferenceData {
  const catalogueRoot = path.join(dataDir, 'catalogue');
  const catalogues = fs
    .readdirSync(catalogueRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(catalogueRoot, d.name, 'catalogue.json')))
    .map((d) => CatalogueSchema.parse(readJson(path.join(catalogueRoot, d.name, 'catalogue.json'))));
  const methodologyRoot = path.join(dataDir, 'methodology');
  const methodologies = fs
    .readdirSync(methodologyRoot)
    .filter((f) => f.endsWith('.json'))
    .map((f) => parseMethodology(readJson(path.join(methodologyRoot, f))));
  // Each set is checked against every catalogue version it names (its links must exist there).
  const criteriaRoot = path.join(dataDir, 'criteria');
  const criteriaSets = fs.existsSync(criteriaRoot)
    ? fs
        .readdirSync(criteriaRoot)
        .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
        .map((f) => {
          const json = readJson(path.join(criteriaRoot, f));
          const versions = parseCriteriaSet(json).catalogueVersions;
          let set: CriteriaSet | undefined;
          for (const v of versions) {
            const catalogue = catalogues.find((c) => c.version === v);
            if (catalogue) set = parseCriteriaSet(json, catalogue);
          }
          if (!set) throw new Error(`criteria set ${f} scores no catalogue version held here (${versions.join(', ')})`);
          return set;
        })
    : [];
  const adminUnits = AdminUnitsSchema.parse(readJson(path.join(dataDir, 'admin-units', 'vn-admin-units-2025.json')));
  return buildReferenceData(catalogues, methodologies, adminUnits, criteriaSets);
}

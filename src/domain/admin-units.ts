/**
 * Provinces and commune-level units (data/admin-units/vn-admin-units-2025.json) and the
 * diacritic-insensitive commune search used by the commune picker.
 * Pure: the file is loaded elsewhere and passed in.
 */

export type ProvinceType = 'thành phố' | 'tỉnh';
export type CommuneType = 'xã' | 'phường' | 'đặc khu';

export interface Commune {
  /** 5-digit national administrative-unit code, e.g. "00004". */
  code: string;
  /** Full official name including the type word, e.g. "Phường Ba Đình" (NFC). */
  name: string;
  type: CommuneType;
}

export interface Province {
  /** 2-digit code, e.g. "01". */
  code: string;
  name: string;
  type: ProvinceType;
  communes: Commune[];
}

/** One recorded deviation from the 1 July 2025 baseline list. */
export interface AdminUnitChange {
  level: 'province' | 'commune';
  code: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  effective: string;
  basis: string;
  note?: string;
  source?: string;
}

export interface AdminUnits {
  /** Provenance, counts and conventions; informational only. */
  source: Record<string, unknown>;
  changes_since_baseline: AdminUnitChange[];
  provinces: Province[];
}

/**
 * A search key: no diacritics, đ→d, lower case, apostrophes dropped ("M'Drắk" → "mdrak"),
 * every other non-letter/digit a space, spaces collapsed. Works on NFC or NFD input.
 */
export function foldVietnamese(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/['’‘ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface IndexedCommune {
  commune: Commune;
  /** Folded full name, e.g. "phuong ba dinh". */
  full: string;
  /** Folded name without the type word, e.g. "ba dinh". */
  bare: string;
  /** Words a query word may be a prefix of. Names with apostrophes also yield the split parts. */
  words: string[];
}

const collator = new Intl.Collator('vi');
const searchIndexCache = new WeakMap<Province, IndexedCommune[]>();

/** The name without its leading type word ("Xã Đắk Liêng" → "Đắk Liêng"), for sorting. */
function bareName(c: Commune): string {
  const prefixLength = c.type.length + 1;
  return c.name.slice(0, prefixLength).toLowerCase() === `${c.type} ` ? c.name.slice(prefixLength) : c.name;
}

function indexCommune(commune: Commune): IndexedCommune {
  const full = foldVietnamese(commune.name);
  const bare = foldVietnamese(bareName(commune));
  const splitAtApostrophes = foldVietnamese(commune.name.replace(/['’‘ʼ`]/g, ' '));
  const words = [...new Set([...full.split(' '), ...splitAtApostrophes.split(' ')])];
  return { commune, full, bare, words };
}

/** Folded names are computed once per province; the list is kept sorted by name. */
function searchIndex(province: Province): IndexedCommune[] {
  let index = searchIndexCache.get(province);
  if (!index) {
    index = province.communes
      .map(indexCommune)
      .sort(
        (a, b) => collator.compare(bareName(a.commune), bareName(b.commune)) || collator.compare(a.commune.name, b.commune.name),
      );
    searchIndexCache.set(province, index);
  }
  return index;
}

/** 0: exact name, 1: name starts with the query, 2: other matches. */
function rank(entry: IndexedCommune, query: string): number {
  if (entry.bare === query || entry.full === query) return 0;
  if (entry.bare.startsWith(query) || entry.full.startsWith(query)) return 1;
  return 2;
}

/**
 * Communes of a province whose folded name has, for every query word, a word starting with it
 * ("ba dinh", "phuong ba", "BA ĐÌNH" all find "Phường Ba Đình"). Exact names first, then names
 * starting with the query, then the rest; by name within each rank. An empty query lists the
 * first `limit` communes by name.
 */
export function searchCommunes(province: Province, query: string, limit = 50): Commune[] {
  const index = searchIndex(province);
  const folded = foldVietnamese(query);
  if (folded === '') return index.slice(0, limit).map((e) => e.commune);
  const queryWords = folded.split(' ');
  const matches: { entry: IndexedCommune; rank: number }[] = [];
  for (const entry of index) {
    if (queryWords.every((q) => entry.words.some((w) => w.startsWith(q)))) {
      matches.push({ entry, rank: rank(entry, folded) });
    }
  }
  // The index is already in name order and Array.prototype.sort is stable.
  matches.sort((a, b) => a.rank - b.rank);
  return matches.slice(0, limit).map((m) => m.entry.commune);
}

export function findProvince(units: AdminUnits, code: string): Province | undefined {
  return units.provinces.find((p) => p.code === code);
}

const communeByCodeCache = new WeakMap<AdminUnits, Map<string, Commune>>();

export function findCommune(units: AdminUnits, code: string): Commune | undefined {
  let byCode = communeByCodeCache.get(units);
  if (!byCode) {
    byCode = new Map(units.provinces.flatMap((p) => p.communes.map((c) => [c.code, c] as const)));
    communeByCodeCache.set(units, byCode);
  }
  return byCode.get(code);
}

/**
 * CSV exports. The links need the bearer token, which a plain <a href> cannot send, so the file
 * is fetched and saved as a Blob (./download.ts).
 */
import { send } from './api';
import { saveBlob } from './download';

/** wide: one row per commune with self and verified scores and every item's value (issue #14). */
export type CsvKind = 'communes' | 'coverage' | 'wide';

/** The API path of an export. */
export function csvPath(kind: CsvKind, province: string, areaType?: string): string {
  const base = `/provinces/${encodeURIComponent(province)}/${kind === 'wide' ? 'communes.wide' : kind}.csv`;
  return areaType ? `${base}?areaType=${encodeURIComponent(areaType)}` : base;
}

/** Local calendar date as YYYY-MM-DD (the day the reviewer downloaded it). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "xa-so_01_communes_2026-03-05.csv", "xa-so_01_coverage_rural_2026-03-05.csv": ASCII only. */
export function csvFileName(kind: CsvKind, province: string, date: Date, areaType?: string): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  const parts = ['xa-so', safe(province), kind, areaType ? safe(areaType) : '', localDate(date)].filter(Boolean);
  return `${parts.join('_')}.csv`;
}

/** Fetches an export with the token and saves it as `fileName`. */
export async function downloadCsv(path: string, fileName: string): Promise<void> {
  const res = await send(path, { accept: 'text/csv' });
  saveBlob(await res.blob(), fileName);
}

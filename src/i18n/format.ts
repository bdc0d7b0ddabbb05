/**
 * Numbers and dates in the user's language, through Intl (no library: the phone has the data).
 * The formatting locale follows the UI language: 'vi' → vi-VN, 'en' → en-GB (day before month,
 * as Vietnamese readers expect).
 */
import { getLanguage } from './i18n';

const LOCALES: Record<string, string> = { vi: 'vi-VN', en: 'en-GB' };

export function localeOf(lang: string): string {
  return LOCALES[lang] ?? lang;
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function numberFormat(locale: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.NumberFormat(locale, opts)));
  return f;
}

function dateFormat(locale: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(opts)}`;
  let f = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, opts)));
  return f;
}

export interface NumberOptions {
  maximumFractionDigits?: number;
  minimumFractionDigits?: number;
  /** Format as a percentage: 0.5 → "50%". */
  percent?: boolean;
}

/** 1234.5 → "1.234,5" (vi) / "1,234.5" (en). Defaults to at most one decimal. */
export function formatNumber(n: number, opts: NumberOptions = {}, lang: string = getLanguage()): string {
  const { percent, maximumFractionDigits = 1, minimumFractionDigits = 0 } = opts;
  return numberFormat(localeOf(lang), {
    style: percent ? 'percent' : 'decimal',
    maximumFractionDigits,
    minimumFractionDigits: Math.min(minimumFractionDigits, maximumFractionDigits),
  }).format(n);
}

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const DATE_TIME: Intl.DateTimeFormatOptions = { ...DATE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

function parse(iso: string): Date | undefined {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** "2026-03-05T…" → "05/03/2026" in both languages; '' for an invalid date. Device time zone. */
export function formatDate(iso: string, lang: string = getLanguage(), timeZone?: string): string {
  const d = parse(iso);
  return d ? dateFormat(localeOf(lang), { ...DATE, timeZone }).format(d) : '';
}

/** Date and 24-hour time, e.g. "14:05 05/03/2026" (vi) / "05/03/2026, 14:05" (en). */
export function formatDateTime(iso: string, lang: string = getLanguage(), timeZone?: string): string {
  const d = parse(iso);
  return d ? dateFormat(localeOf(lang), { ...DATE_TIME, timeZone }).format(d) : '';
}

const BYTE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

/** 1_234_567 → "1,2 MB" (vi) / "1.2 MB" (en); decimal units, as phones' storage settings show. */
export function formatBytes(bytes: number, lang: string = getLanguage()): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value, { maximumFractionDigits: unit === 0 ? 0 : 1 }, lang)} ${BYTE_UNITS[unit]}`;
}

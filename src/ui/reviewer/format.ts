/** Small display helpers shared by the reviewer screens. */
import { formatNumber, localeOf } from '../../i18n';
import { lagParts } from './communes';

/** A sync lag in the largest whole unit: "3 giờ", "2 days". */
export function formatLag(seconds: number, lang: string): string {
  const { unit, value } = lagParts(seconds);
  return new Intl.NumberFormat(localeOf(lang), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 0 }).format(
    value,
  );
}

/** An index 0–100 with one decimal, or an en dash when there is none. */
export function formatIndex(n: number | null | undefined, lang: string): string {
  return typeof n === 'number' ? formatNumber(n, { maximumFractionDigits: 1, minimumFractionDigits: 1 }, lang) : '–';
}

/** 0–1 as a whole percentage. */
export function formatShare(share: number, lang: string): string {
  return formatNumber(share, { percent: true, maximumFractionDigits: 0 }, lang);
}

/** Commune type words from the admin-units data → locale key. */
export function communeTypeKey(type: string): string {
  const map: Record<string, string> = { xã: 'commune', phường: 'ward', 'đặc khu': 'special-zone' };
  return `communeType.${map[type] ?? 'other'}`;
}

/** Days as the team sees them: the phone's local calendar day, "YYYY-MM-DD". */
const pad = (n: number) => String(n).padStart(2, '0');

export function localDay(at: Date = new Date()): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** The day `delta` days from `day` (calendar arithmetic in UTC: no daylight-saving surprises). */
export function addDays(day: string, delta: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + delta);
  return d.toISOString().slice(0, 10);
}

export function isDay(s: string | undefined): s is string {
  return s !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

/** "2026-05-04" → "04/05/2026", as Vietnamese forms write dates. */
export function showDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

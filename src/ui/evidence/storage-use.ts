/**
 * When to warn that the phone is running out of space: before a few more photos would not fit.
 * A downscaled photo is ≤ 300 KB, an original or a PDF up to 10 MB: below 50 MB free (or 5 % of
 * what the browser allows, if that is more) the panel says so before the next attach fails.
 */
export const LOW_SPACE_BYTES = 50 * 1024 * 1024;

export function isLowOnSpace(estimate: { usage: number; quota: number } | null): boolean {
  if (!estimate || estimate.quota <= 0) return false;
  const free = estimate.quota - estimate.usage;
  return free < Math.max(LOW_SPACE_BYTES, estimate.quota * 0.05);
}

/** "1,2 MB", "300 KB": sizes for people, in the UI language's number format. */
export function formatBytes(bytes: number, format: (n: number, digits: number) => string): string {
  if (bytes < 1024 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)), 0)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${format(bytes / 1024 / 1024, 1)} MB`;
  return `${format(bytes / 1024 / 1024 / 1024, 1)} GB`;
}

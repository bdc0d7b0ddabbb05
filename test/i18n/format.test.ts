import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatNumber, localeOf } from '../../src/i18n/format';

describe('format helpers', () => {
  it('maps languages to formatting locales', () => {
    expect(localeOf('vi')).toBe('vi-VN');
    expect(localeOf('en')).toBe('en-GB');
  });

  it('formats numbers per language, one decimal by default', () => {
    expect(formatNumber(1234.56, {}, 'vi')).toBe('1.234,6');
    expect(formatNumber(1234.56, {}, 'en')).toBe('1,234.6');
    expect(formatNumber(72.25, { maximumFractionDigits: 0 }, 'vi')).toBe('72');
    expect(formatNumber(0.5, { percent: true, maximumFractionDigits: 0 }, 'vi')).toBe('50%');
    expect(formatNumber(3, { minimumFractionDigits: 1 }, 'en')).toBe('3.0');
  });

  it('formats dates day first in both languages', () => {
    const iso = '2026-03-05T14:05:00.000Z';
    expect(formatDate(iso, 'vi', 'UTC')).toBe('05/03/2026');
    expect(formatDate(iso, 'en', 'UTC')).toBe('05/03/2026');
    expect(formatDateTime(iso, 'vi', 'UTC')).toBe('14:05 05/03/2026');
    expect(formatDateTime(iso, 'en', 'UTC')).toBe('05/03/2026, 14:05');
    expect(formatDateTime('2026-03-05T14:05:00+07:00', 'vi', 'Asia/Ho_Chi_Minh')).toBe('14:05 05/03/2026');
  });

  it('returns an empty string for an invalid date', () => {
    expect(formatDate('not a date', 'vi')).toBe('');
    expect(formatDateTime('', 'en')).toBe('');
  });

  it('formats byte counts with decimal units', () => {
    expect(formatBytes(512, 'vi')).toBe('512 B');
    expect(formatBytes(1_234_567, 'vi')).toBe('1,2 MB');
    expect(formatBytes(1_234_567, 'en')).toBe('1.2 MB');
    expect(formatBytes(2_000_000_000, 'en')).toBe('2 GB');
  });
});

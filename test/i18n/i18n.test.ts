import { describe, expect, it } from 'vitest';
import { fixedT, getLanguage, i18n, isLang, namespaceOf, NAMESPACES, t } from '../../src/i18n/i18n';

describe('i18n instance', () => {
  it("starts in Vietnamese with only the home screen's namespaces bundled", () => {
    expect(getLanguage()).toBe('vi');
    expect([...NAMESPACES].sort()).toEqual(['common', 'home', 'sync-state']);
    expect(t('common:actions.save')).toBe('Lưu');
    expect(fixedT('home')('new')).toBe('Tạo đánh giá mới');
  });

  it('interpolates without HTML-escaping (Preact escapes)', () => {
    expect(fixedT('home')('item.progress', { answered: 3, total: 10 })).toBe('Đã trả lời 3/10');
    expect(fixedT('home')('delete.failed', { message: '<b>' })).toBe('Không xóa được: <b>');
  });

  it('falls back to Vietnamese for a key missing in English', () => {
    i18n.addResourceBundle('en', 'test-only', { a: 'A' }, true, true);
    i18n.addResourceBundle('vi', 'test-only', { a: 'Á', b: 'Bê' }, true, true);
    expect(fixedT('test-only', 'en')('b')).toBe('Bê');
    expect(fixedT('test-only', 'en')('a')).toBe('A');
  });

  it('recognises languages and namespace file names', () => {
    expect(isLang('vi')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(namespaceOf('../../locales/en/settings.json')).toBe('settings');
  });
});

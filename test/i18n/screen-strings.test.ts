import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedT, i18n, NAMESPACES } from '../../src/i18n/i18n';
import { ensureScreenStrings, SCREEN_NAMESPACES } from '../../src/i18n/screen-strings';

const viFiles = readdirSync(join(import.meta.dirname, '../../locales/vi')).map((f) => f.replace(/\.json$/, ''));
// Loaded with their own chunks (src/ui/reviewer/strings.ts, src/ui/evidence/strings.ts, src/ui/screens/Team/strings.ts).
const OWN_CHUNK = ['reviewer', 'evidence', 'team'];

describe('screen strings (loaded with the screens, not in the first bundle)', () => {
  it('covers every Vietnamese namespace that is neither in the first bundle nor in its own chunk', () => {
    expect([...SCREEN_NAMESPACES].sort()).toEqual(
      viFiles.filter((ns) => !NAMESPACES.includes(ns) && !OWN_CHUNK.includes(ns)).sort(),
    );
    expect(SCREEN_NAMESPACES).toEqual(expect.arrayContaining(['assess', 'criteria', 'settings', 'summary', 'sync']));
    expect(SCREEN_NAMESPACES.filter((ns) => NAMESPACES.includes(ns))).toEqual([]);
  });

  it('registers them in Vietnamese, once, on the first call', async () => {
    expect(i18n.hasResourceBundle('vi', 'settings')).toBe(false);
    expect(fixedT('settings')('title')).toBe('title');
    await Promise.all([ensureScreenStrings(), ensureScreenStrings()]);
    for (const ns of SCREEN_NAMESPACES) expect(i18n.hasResourceBundle('vi', ns)).toBe(true);
    expect(fixedT('settings')('title')).toBe('Cài đặt');
    expect(fixedT('sync')('submit.button')).toBe('Gửi lên tỉnh');
    expect(fixedT('sync-state')('state.queued')).toBe('Đang chờ gửi');
  });
});

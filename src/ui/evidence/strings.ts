/**
 * The evidence panel's strings (locales/<lang>/evidence.json) come with its chunk, not with the
 * first screen. Vietnamese is always loaded (the fallback); the UI language too when it can be:
 * English not cached yet, offline, falls back to Vietnamese rather than failing the panel.
 */
import { getLanguage, i18n } from '../../i18n';

const files = import.meta.glob<Record<string, unknown>>('../../../locales/*/evidence.json', { import: 'default' });

export async function ensureEvidenceStrings(lang: string = getLanguage()): Promise<void> {
  await Promise.all(
    [...new Set(['vi', lang])].map(async (l) => {
      if (i18n.hasResourceBundle(l, 'evidence')) return;
      const load = files[`../../../locales/${l}/evidence.json`];
      try {
        if (load) i18n.addResourceBundle(l, 'evidence', await load(), true, true);
      } catch (err) {
        if (l === 'vi') throw err;
      }
    }),
  );
}

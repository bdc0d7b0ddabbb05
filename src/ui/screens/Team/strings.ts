/**
 * The team screens' strings (locales/<lang>/team.json) come with their chunk, never with an
 * officer's first screen. Vietnamese is always loaded (the fallback), the UI language too when it
 * can be (English not cached yet, offline: Vietnamese rather than a failed screen).
 */
import { getLanguage, i18n } from '../../../i18n';

const files = import.meta.glob<Record<string, unknown>>('../../../../locales/*/team.json', { import: 'default' });

export async function ensureTeamStrings(lang: string = getLanguage()): Promise<void> {
  await Promise.all(
    [...new Set(['vi', lang])].map(async (l) => {
      if (i18n.hasResourceBundle(l, 'team')) return;
      const load = files[`../../../../locales/${l}/team.json`];
      try {
        if (load) i18n.addResourceBundle(l, 'team', await load(), true, true);
      } catch (err) {
        if (l === 'vi') throw err;
      }
    }),
  );
}

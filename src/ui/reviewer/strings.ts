/**
 * The reviewer's UI strings (locales/<lang>/reviewer.json) are loaded with the reviewer screens,
 * not with the phone's first bundle. Whichever of the two happens first wins: if the app shell
 * already registered the namespace, nothing is fetched.
 */
import { getLanguage, i18n } from '../../i18n';

const files = import.meta.glob<Record<string, unknown>>('../../../locales/*/reviewer.json', { import: 'default' });

export async function ensureReviewerStrings(lang: string = getLanguage()): Promise<void> {
  await Promise.all(
    [...new Set(['vi', lang])].map(async (l) => {
      if (i18n.hasResourceBundle(l, 'reviewer')) return;
      const load = files[`../../../locales/${l}/reviewer.json`];
      if (load) i18n.addResourceBundle(l, 'reviewer', await load(), true, true);
    }),
  );
}

export function reviewerStringsReady(lang: string = getLanguage()): boolean {
  return i18n.hasResourceBundle('vi', 'reviewer') && (lang === 'vi' || i18n.hasResourceBundle(lang, 'reviewer'));
}

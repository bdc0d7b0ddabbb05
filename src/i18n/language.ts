/**
 * Choosing the language. Only Vietnamese is in the first bundle; another language's UI
 * namespaces and catalogue labels are fetched when chosen (each a small chunk the service worker
 * keeps after first use). The choice is stored in the settings table ('lang').
 */
import { getSetting, setSetting } from '../db';
import { loadCatalogueTranslation } from '../data/load';
import { DEFAULT_LANG, i18n, isLang, namespaceOf, type Lang } from './i18n';

type Bundle = Record<string, unknown>;

const enFiles = import.meta.glob<Bundle>(
  [
    '../../locales/en/*.json',
    '!../../locales/en/reviewer.json',
    '!../../locales/en/evidence.json',
    '!../../locales/en/team.json',
  ],
  { import: 'default' },
);
const lazyFiles: Record<string, Record<string, () => Promise<Bundle>>> = { en: enFiles };

/** Fetches and registers everything a language needs. Rejects when offline and never cached. */
async function ensureLanguage(lang: Lang): Promise<void> {
  const files = lazyFiles[lang];
  if (!files) return;
  await Promise.all([
    ...Object.entries(files).map(async ([path, load]) => {
      const ns = namespaceOf(path);
      if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, await load(), true, true);
    }),
    loadCatalogueTranslation(lang),
  ]);
}

function applyToDocument(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Switches the UI language, then remembers it. Rejects (language unchanged) if it cannot load. */
export async function setLanguage(lang: Lang): Promise<void> {
  await ensureLanguage(lang);
  await i18n.changeLanguage(lang);
  applyToDocument(lang);
  try {
    await setSetting('lang', lang);
  } catch {
    // The preference is a convenience, not user data: the switch still holds for this session.
  }
}

/**
 * Restores the stored language before the first render. Bounded in time: a blocked database
 * (another tab upgrading it) must not keep the app from starting, so after `timeoutMs` we go on
 * in Vietnamese.
 */
export async function initLanguage(timeoutMs = 1500): Promise<Lang> {
  let stored: unknown;
  try {
    stored = await Promise.race([
      getSetting('lang'),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
    ]);
  } catch {
    stored = undefined;
  }
  const lang = isLang(stored) ? stored : DEFAULT_LANG;
  if (lang !== DEFAULT_LANG) {
    try {
      await ensureLanguage(lang);
      await i18n.changeLanguage(lang);
    } catch {
      // Offline and that language not cached yet: start in Vietnamese rather than not at all.
      applyToDocument(DEFAULT_LANG);
      return DEFAULT_LANG;
    }
  }
  applyToDocument(lang);
  return lang;
}

/**
 * The i18next instance. Vietnamese is the source language and ships inside the first-screen
 * bundle (locales/vi/*.json, one namespace per file, but for the reviewer's), so the app renders
 * without any request. Other languages are added by ./language.ts when the user picks them.
 */
import i18next, { type i18n as I18n } from 'i18next';

export type Lang = 'vi' | 'en';
export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

export function isLang(x: unknown): x is Lang {
  return typeof x === 'string' && (LANGS as readonly string[]).includes(x);
}

/** "../../locales/vi/common.json" → "common". */
export function namespaceOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.json$/, '');
}

// Namespaces of areas a commune phone never opens (the reviewer's) are left out: that area loads
// its own strings with its chunk (src/ui/reviewer/strings.ts). Globs must be literals, hence the
// repetition in ./language.ts.
// The evidence panel's strings come with its chunk too (src/ui/evidence/strings.ts), and a community
// team phone's with the team screens (src/ui/screens/Team/strings.ts).
const viFiles = import.meta.glob<Record<string, unknown>>(
  [
    '../../locales/vi/*.json',
    '!../../locales/vi/reviewer.json',
    '!../../locales/vi/evidence.json',
    '!../../locales/vi/team.json',
  ],
  { eager: true, import: 'default' },
);
const viBundles = Object.fromEntries(Object.entries(viFiles).map(([path, data]) => [namespaceOf(path), data]));

export const NAMESPACES = Object.keys(viBundles);

export const i18n: I18n = i18next.createInstance();
void i18n.init({
  lng: DEFAULT_LANG,
  // A key missing in English shows the Vietnamese text rather than a raw key.
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  ns: NAMESPACES,
  defaultNS: 'common',
  resources: { [DEFAULT_LANG]: viBundles },
  // Preact escapes text itself.
  interpolation: { escapeValue: false },
  // Resources are in memory: initialise synchronously so the first render is translated.
  initAsync: false,
  returnNull: false,
});

export function getLanguage(): Lang {
  return isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
}

export type TFn = (key: string, options?: Record<string, unknown>) => string;

// Keys are plain strings here (no typed resources), so call i18next through a plain signature.
const translate = (key: string, options: Record<string, unknown>): string =>
  String((i18n.t as (k: string, o: Record<string, unknown>) => unknown)(key, options));

/** Translate outside components (event handlers, announcements). Key may be "ns:key". */
export const t: TFn = (key, options = {}) => translate(key, options);

/** A translator bound to one namespace (keys of other namespaces still work as "ns:key"). */
export function fixedT(ns: string, lang: string = getLanguage()): TFn {
  return (key, options) => translate(key, { ns, lng: lang, ...options });
}

/**
 * The i18next instance. Vietnamese is the source language. The first-screen bundle holds only what
 * the home screen renders (locales/vi/common.json, home.json and sync-state.json, the sync badge's),
 * so the app renders without any request; every other screen's namespaces are loaded with the
 * screens (./screen-strings.ts), the reviewer's, the evidence panel's and the team screens' with
 * their chunks.
 * Other languages are added by ./language.ts when the user picks them.
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

// Globs must be literals, hence the repetition in ./language.ts and ./screen-strings.ts.
const viFiles = import.meta.glob<Record<string, unknown>>(
  ['../../locales/vi/common.json', '../../locales/vi/home.json', '../../locales/vi/sync-state.json'],
  { eager: true, import: 'default' },
);
const viBundles = Object.fromEntries(Object.entries(viFiles).map(([path, data]) => [namespaceOf(path), data]));

/** The namespaces in the first bundle. */
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

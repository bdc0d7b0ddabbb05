/**
 * Languages and formatting. Public API:
 *   useT(ns), useLanguage(), t(key), getLanguage(), setLanguage(lang), initLanguage(),
 *   formatNumber(n, opts), formatDate(iso), formatDateTime(iso), formatBytes(n), LANGS, type Lang, type TFn.
 */
export { LANGS, DEFAULT_LANG, NAMESPACES, getLanguage, isLang, t, i18n, type Lang, type TFn } from './i18n';
export { useT, useLanguage } from './use-t';
export { setLanguage, initLanguage } from './language';
export { formatNumber, formatDate, formatDateTime, formatBytes, localeOf, type NumberOptions } from './format';

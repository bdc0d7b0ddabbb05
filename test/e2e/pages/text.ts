/**
 * The app's own words, read from locales/<lang>/*.json, so the page objects find controls by the
 * names a user sees (and a wording change in a locale moves the tests with it).
 *   tx('assess', 'checklist.save.saved')                     → "Đã lưu"
 *   tx('summary', 'level', { n: 2, name: 'Cơ bản' })          → "Mức 2 — Cơ bản"
 *   tx('assess', 'checklist.layer', { n: 1, name: '…' }, 'en') → "Layer 1. …"
 */
import { readFileSync } from 'node:fs';

export type Lang = 'vi' | 'en';
type Tree = { [key: string]: string | Tree };

const cache = new Map<string, Tree>();

function bundle(lang: Lang, ns: string): Tree {
  const key = `${lang}/${ns}`;
  let tree = cache.get(key);
  if (!tree) {
    tree = JSON.parse(readFileSync(new URL(`../../../locales/${lang}/${ns}.json`, import.meta.url), 'utf8')) as Tree;
    cache.set(key, tree);
  }
  return tree;
}

export function tx(ns: string, key: string, vars: Record<string, string | number> = {}, lang: Lang = 'vi'): string {
  let node: string | Tree | undefined = bundle(lang, ns);
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`No string ${lang}/${ns}:${key}`);
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in vars)) throw new Error(`${lang}/${ns}:${key} needs {{${name}}}`);
    return String(vars[name]);
  });
}

/** A string as a RegExp that matches it literally. */
export function literal(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "74.5" as the app writes an index in Vietnamese ("74,5") or English ("74.5"). */
export function formatIndex(n: number, lang: Lang = 'vi'): string {
  return new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    n,
  );
}

interface Named {
  vi: string;
  en: string;
}
const methodology = JSON.parse(
  readFileSync(new URL('../../../data/methodology/provisional-2026.1.json', import.meta.url), 'utf8'),
) as {
  levels: (Named & { level: number })[];
  statusScale: (Named & { value: number })[];
};

/** The methodology's level names (data/methodology), the words the summary uses. */
export function levelName(level: number, lang: Lang = 'vi'): string {
  const def = methodology.levels.find((l) => l.level === level);
  if (!def) throw new Error(`No level ${level}`);
  return def[lang];
}

/** The methodology's words for a status 0–3, the words of the status picker. */
export function statusName(status: number, lang: Lang = 'vi'): string {
  const def = methodology.statusScale.find((s) => s.value === status);
  if (!def) throw new Error(`No status ${status}`);
  return def[lang];
}

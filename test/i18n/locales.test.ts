/**
 * Every namespace file (locales/<lang>/<ns>.json) must have the same keys in every language,
 * nested keys included, so a screen never shows a raw key. Plural forms differ by language
 * (Vietnamese has only "_other", English "_one" and "_other"), so plural suffixes are folded.
 * Vietnamese, the source language, has no empty string and is NFC (as the catalogue is).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../locales');
const LANGS = ['vi', 'en'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function leaves(value: Json, prefix = ''): [string, Json][] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }
  return [[prefix, value]];
}

function read(lang: string, file: string): Json | undefined {
  try {
    return JSON.parse(readFileSync(join(ROOT, lang, file), 'utf8')) as Json;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

const vars = (s: Json) => [...String(s).matchAll(/{{\s*([\w.-]+)[^}]*}}/g)].map((m) => m[1] ?? '').sort();

const files = [...new Set(LANGS.flatMap((l) => readdirSync(join(ROOT, l)).filter((f) => f.endsWith('.json'))))].sort();

describe('locales', () => {
  it('has namespace files', () => {
    expect(files).toContain('common.json');
  });

  for (const file of files) {
    describe(file, () => {
      const byLang = Object.fromEntries(LANGS.map((l) => [l, read(l, file)]));

      it('exists in every language', () => {
        expect(LANGS.filter((l) => byLang[l] === undefined)).toEqual([]);
      });

      const keysOf = (lang: string) => new Set(leaves(byLang[lang] ?? {}).map(([k]) => k.replace(PLURAL, '')));

      for (const lang of LANGS) {
        for (const other of LANGS.filter((l) => l !== lang)) {
          it(`every key in ${lang} is in ${other}`, () => {
            const theirs = keysOf(other);
            expect([...keysOf(lang)].filter((k) => !theirs.has(k))).toEqual([]);
          });
        }
      }

      it('has only strings as values', () => {
        for (const lang of LANGS) {
          const bad = leaves(byLang[lang] ?? {}).filter(([, v]) => typeof v !== 'string');
          expect(bad.map(([k]) => `${lang}:${k}`)).toEqual([]);
        }
      });

      it('has no empty Vietnamese string, all NFC', () => {
        const vi = leaves(byLang.vi ?? {});
        expect(vi.filter(([, v]) => typeof v === 'string' && v.trim() === '').map(([k]) => k)).toEqual([]);
        expect(vi.filter(([, v]) => typeof v === 'string' && v !== v.normalize('NFC')).map(([k]) => k)).toEqual([]);
      });

      it('uses the same {{variables}} in every language', () => {
        const table = (lang: string) => {
          const m = new Map<string, Set<string>>();
          for (const [k, v] of leaves(byLang[lang] ?? {})) {
            const key = k.replace(PLURAL, '');
            const set = m.get(key) ?? new Set<string>();
            for (const name of vars(v)) if (name !== 'count') set.add(name);
            m.set(key, set);
          }
          return m;
        };
        const vi = table('vi');
        for (const lang of LANGS.filter((l) => l !== 'vi')) {
          const mismatched = [...table(lang)].filter(([k, set]) => {
            const want = vi.get(k);
            return want !== undefined && [...set].sort().join() !== [...want].sort().join();
          });
          expect(mismatched.map(([k]) => `${lang}:${k}`)).toEqual([]);
        }
      });
    });
  }
});

// The shipped administrative-units file: schema-valid, complete, and the very bytes of shared/data.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AdminUnitsSchema } from '../../src/domain/schemas';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const shipped = readFileSync(path.resolve(repoRoot, 'data/admin-units/vn-admin-units-2025.json'));
const units = AdminUnitsSchema.parse(JSON.parse(shipped.toString('utf8')));
const communes = units.provinces.flatMap((p) => p.communes);
// sha256 of shared/data/vn-admin-units-2025.json, the file this one copies (data/admin-units/README.md).
const SHARED_SHA256 = 'afe590afaf251b4e63733d4a3da83d483505b4d18d9db3c9767a93d2766e921b';
const briefCopy = path.resolve(repoRoot, '../shared/data/vn-admin-units-2025.json');

describe('data/admin-units/vn-admin-units-2025.json', () => {
  it('is the brief\'s file, unchanged (by hash)', () => {
    expect(createHash('sha256').update(shipped).digest('hex')).toBe(SHARED_SHA256);
  });

  // Only where the project brief sits beside the repository (not on a bare clone).
  it.runIf(existsSync(briefCopy))('is identical to shared/data/vn-admin-units-2025.json', () => {
    expect(shipped.equals(readFileSync(briefCopy))).toBe(true);
  });

  it('has 34 provinces and 3,321 commune-level units', () => {
    expect(units.provinces).toHaveLength(34);
    expect(communes).toHaveLength(3321);
  });

  it('uses unique 2-digit province and 5-digit commune codes, sorted', () => {
    const provinceCodes = units.provinces.map((p) => p.code);
    const communeCodes = communes.map((c) => c.code);
    expect(provinceCodes.every((c) => /^\d{2}$/.test(c))).toBe(true);
    expect(communeCodes.every((c) => /^\d{5}$/.test(c))).toBe(true);
    expect(new Set(provinceCodes).size).toBe(34);
    expect(new Set(communeCodes).size).toBe(3321);
    expect(provinceCodes).toEqual([...provinceCodes].sort());
    for (const p of units.provinces) {
      const codes = p.communes.map((c) => c.code);
      expect(codes).toEqual([...codes].sort());
    }
  });

  it('counts the unit types the README states', () => {
    const count = (types: string[]) => types.reduce<Record<string, number>>((a, t) => ({ ...a, [t]: (a[t] ?? 0) + 1 }), {});
    expect(count(units.provinces.map((p) => p.type))).toEqual({ 'thành phố': 7, tỉnh: 27 });
    expect(count(communes.map((c) => c.type))).toEqual({ xã: 2611, phường: 697, 'đặc khu': 13 });
  });

  it('writes every name with its type word, in NFC', () => {
    for (const c of communes) {
      expect(c.name.toLowerCase().startsWith(`${c.type} `), c.code).toBe(true);
      expect(c.name).toBe(c.name.normalize('NFC'));
    }
  });
});

/** The administrative units the app ships (data/admin-units), to pick communes by province. */
import { readFileSync } from 'node:fs';

interface Unit {
  code: string;
  name: string;
}
interface Province extends Unit {
  communes: Unit[];
}

const units = JSON.parse(readFileSync(new URL('../../data/admin-units/vn-admin-units-2025.json', import.meta.url), 'utf8')) as {
  provinces: Province[];
};

export function province(code: string): Province {
  const p = units.provinces.find((x) => x.code === code);
  if (!p) throw new Error(`No province ${code}`);
  return p;
}

export function firstCommune(provinceCode: string): Unit {
  const c = province(provinceCode).communes[0];
  if (!c) throw new Error(`Province ${provinceCode} has no communes`);
  return c;
}

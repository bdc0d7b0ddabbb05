/** readCriteriaWorkbook(await writeCriteriaWorkbook(set)) gives back the set: every bundled set, and generated ones. */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../../src/domain/criteria';
import type { CriteriaSet } from '../../../src/domain/criteria';
import { readCriteriaWorkbook, writeCriteriaWorkbook } from '../../../src/server/criteria-workbook';
import { MEASURED_RULE } from '../../../src/domain/criteria/measured';
import { RULE_FOR_INPUT } from '../../../src/domain/criteria/schema';
import { INPUT_KINDS, RULE_KINDS } from '../../../src/server/criteria-workbook/labels';
import {
  GATE_COLUMNS,
  GROUP_COLUMNS,
  INDICATOR_COLUMNS,
  LEVEL_COLUMNS,
  SET_ROWS,
  SURVEY_COLUMNS,
} from '../../../src/server/criteria-workbook/layout';
import { provinceSurvey } from '../../domain/criteria/survey-fixtures';
import { tinySet } from '../../domain/criteria/fixtures';
import { realCatalogue } from '../../domain/scoring-fixtures';

const DIR = path.resolve(__dirname, '../../../data/criteria');
const bundled = fs.readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));

async function roundTrip(set: CriteriaSet): Promise<unknown> {
  const result = await readCriteriaWorkbook(await writeCriteriaWorkbook(set));
  if (!result.ok) throw new Error(JSON.stringify(result.problems, null, 1));
  return result.set;
}

describe('criteria workbook round trip', () => {
  it('finds the bundled sets', () => {
    expect(bundled).toEqual(['provisional-2026.1.json', 'template-commune-index-2026.1.json']);
  });

  for (const file of bundled)
    it(`gives back ${file} exactly`, async () => {
      const set = parseCriteriaSet(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')), realCatalogue);
      expect(await roundTrip(set)).toStrictEqual(set);
    });

  it('gives back every optional field the bundled sets leave out', async () => {
    const set = tinySet();
    set.$schema = './criteria-set.schema.json';
    set.notice = { vi: 'Bộ thử nghiệm', en: 'A test set' };
    set.groups[0]!.weight = 3;
    const [s1, y1, c1, n1] = set.indicators;
    if (s1?.input.kind === 'status') s1.input.countOnlyWhenNamed = false;
    if (n1?.input.kind === 'number') n1.input.max = 40;
    Object.assign(y1!, { areaTypes: ['rural', 'mountain-border-island'], actor: 'province', ownQuestion: false });
    Object.assign(c1!, {
      evidence: { required: false, items: [], verifiedBy: { vi: 'Sở', en: 'Department' } },
      guidance: { vi: 'Chỉ tiếng Việt\nhai dòng', levels: ['a', 'b', 'c', 'd'] },
    });
    expect(parseCriteriaSet(set)).toBeDefined();
    expect(await roundTrip(set)).toStrictEqual(set);
  });

  it('gives back a set’s own satisfaction survey (issue #15), and none from a set without one', async () => {
    const set = { ...tinySet(), survey: provinceSurvey('2026.1') };
    expect(parseCriteriaSet(set)).toBeDefined();
    expect(await roundTrip(set)).toStrictEqual(set);
    expect(await roundTrip(tinySet())).not.toHaveProperty('survey');
  });

  it('writes the sheets a reviewer needs: bold frozen headers, widths, drop-downs, text cells for fractions', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeCriteriaWorkbook(tinySet())) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      'Bộ tiêu chí',
      'Nhóm',
      'Chỉ tiêu',
      'Mức',
      'Giới hạn mức',
      'Khảo sát',
    ]);
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(3).width).toBeGreaterThan(30);
    expect(ws.getCell('G2').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getColumn(9).numFmt).toBe('@');
    expect(ws.actualRowCount).toBe(1 + tinySet().indicators.length);
  });

  it('explains every column of every sheet, and every input kind, in the guide sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await writeCriteriaWorkbook(tinySet())) as unknown as ArrayBuffer);
    const firstColumn = new Set<string>();
    wb.getWorksheet('Hướng dẫn')!.eachRow((row) => firstColumn.add(String(row.getCell(1).value)));
    const columns = [GROUP_COLUMNS, INDICATOR_COLUMNS, LEVEL_COLUMNS, GATE_COLUMNS, SURVEY_COLUMNS].flat().map((c) => c.header);
    // A measured input's rule depends on its metric: the guide shows each rule it can take.
    const ruleKinds = (k: string) =>
      k === 'measured' ? [...new Set(Object.values(MEASURED_RULE))] : [RULE_FOR_INPUT[k as keyof typeof RULE_FOR_INPUT]];
    const kinds = Object.keys(INPUT_KINDS).flatMap((k) =>
      ruleKinds(k).map((r) => `${INPUT_KINDS[k as keyof typeof INPUT_KINDS]} → ${RULE_KINDS[r]}`),
    );
    for (const expected of [...columns, ...SET_ROWS.map((r) => r.label), ...kinds]) expect(firstColumn).toContain(expected);
  });
});

/** Texts as a reviewer would write them: no line breaks in list items, no edge spaces, NFC. */
const words = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạềểễếệ -,.()%/'.split('')) })
  .map((s) => s.trim().normalize('NFC'))
  .filter((s) => s.length > 0);
const fraction = fc.oneof(
  fc.integer({ min: 0, max: 100 }).map((n) => n / 100),
  fc.integer({ min: 1, max: 9 }).chain((d) => fc.integer({ min: 0, max: d }).map((n) => `${n}/${d}`)),
);

describe('criteria workbook round trip, generated sets', () => {
  it('gives back sets with any texts and fractions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(words, { minLength: 12, maxLength: 12 }),
        fc.array(fraction, { minLength: 6, maxLength: 6 }),
        async (t, f) => {
          const set = tinySet();
          set.title = { vi: t[0]!, en: t[1]! };
          set.indicators.forEach((ind, i) => {
            ind.vi = t[2 + i]!;
            ind.en = t[(8 + i) % 12]!;
          });
          const [s1, y1, c1] = set.indicators;
          if (s1?.rule.kind === 'status') s1.rule.fractions = [f[0]!, f[1]!, f[2]!, f[3]!];
          if (y1?.rule.kind === 'yesno') Object.assign(y1.rule, { yes: f[4], no: f[5] });
          if (c1?.input.kind === 'choice') c1.input.options[0]!.vi = t[11]!;
          expect(await roundTrip(set)).toStrictEqual(set);
        },
      ),
      { numRuns: 8 },
    );
  }, 60_000);

  it('gives back sets with any choice of optional fields, ladders and whenBIsZero', async () => {
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
    const bilingual = fc.record({ vi: words, en: words }, { noNullPrototype: true });
    const optionals = fc.record({
      notice: maybe(bilingual),
      weight: maybe(fc.integer({ min: 1, max: 9 })),
      countOnlyWhenNamed: maybe(fc.boolean()),
      max: maybe(fc.integer({ min: 1, max: 999 })),
      areaTypes: maybe(fc.subarray(['urban', 'rural', 'mountain-border-island'] as const, { minLength: 1 })),
      links: maybe(fc.array(fc.constantFrom('HTS1', 'DL2', 'ANM3'), { minLength: 1, maxLength: 3 })),
      ownQuestion: maybe(fc.boolean()),
      actor: maybe(fc.constantFrom('commune', 'province') as fc.Arbitrary<'commune' | 'province'>),
      evidence: maybe(
        fc.record(
          { required: fc.boolean(), items: fc.array(bilingual, { maxLength: 3 }), source: bilingual, verifiedBy: bilingual },
          { requiredKeys: ['required', 'items'], noNullPrototype: true },
        ),
      ),
      guidance: maybe(
        fc.record(
          { vi: words, en: words, levels: fc.array(words, { minLength: 4, maxLength: 4 }) },
          { requiredKeys: ['vi'], noNullPrototype: true },
        ),
      ),
      stepMins: fc.uniqueArray(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 4 }),
      thresholdMins: fc.uniqueArray(
        fc.integer({ min: 0, max: 1000 }).map((n) => n / 10),
        { minLength: 1, maxLength: 4 },
      ),
      whenBIsZero: fc.constantFrom('full', 'zero', 'not-counted') as fc.Arbitrary<'full' | 'zero' | 'not-counted'>,
    });
    await fc.assert(
      fc.asyncProperty(optionals, async (o) => {
        const set = tinySet();
        if (o.notice) set.notice = o.notice;
        if (o.weight) set.groups[1]!.weight = o.weight;
        const [s1, y1, , n1, r1, p1] = set.indicators;
        if (s1?.input.kind === 'status' && o.countOnlyWhenNamed !== undefined) s1.input.countOnlyWhenNamed = o.countOnlyWhenNamed;
        if (n1?.input.kind === 'number' && o.max) n1.input.max = o.max;
        if (n1?.rule.kind === 'steps')
          n1.rule.steps = [...o.stepMins].sort((a, b) => a - b).map((min, i) => ({ min, points: 5 * (i + 1) }));
        if (p1?.rule.kind === 'thresholds')
          p1.rule.thresholds = [...o.thresholdMins].sort((a, b) => a - b).map((min, i) => ({ min, points: 2 * (i + 1) }));
        if (r1?.rule.kind === 'ratio') r1.rule.whenBIsZero = o.whenBIsZero;
        const extra = {
          areaTypes: o.areaTypes && [...o.areaTypes],
          links: o.links,
          ownQuestion: o.ownQuestion,
          actor: o.actor,
          evidence: o.evidence,
          guidance: o.guidance,
        };
        Object.assign(y1!, Object.fromEntries(Object.entries(extra).filter(([, v]) => v !== undefined)));
        expect(parseCriteriaSet(set)).toBeDefined();
        expect(await roundTrip(set)).toStrictEqual(set);
      }),
      { numRuns: 10 },
    );
  }, 90_000);
});

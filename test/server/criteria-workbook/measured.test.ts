/** Measured inputs (issue #15) in the workbook's "Chỉ tiêu" sheet and the served JSON Schema. */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { criteriaSetJsonSchema } from '../../../src/domain/criteria/json-schema';
import { readCriteriaWorkbook, writeCriteriaWorkbook } from '../../../src/server/criteria-workbook';
import type { Problem } from '../../../src/server/criteria-workbook';
import { measuredSet } from '../../domain/criteria/measured-fixtures';
import { columnOf, edited, indicatorCell, sheet } from './workbooks';

async function columnLetter(header: string): Promise<string> {
  let letter = '';
  await edited((wb) => {
    letter = sheet(wb, 'Chỉ tiêu').getColumn(columnOf(sheet(wb, 'Chỉ tiêu'), header)).letter;
  });
  return letter;
}

const at = (problems: Problem[]) => Object.fromEntries(problems.map((p) => [p.cell ?? p.sheet ?? '', p.message]));

describe('measured inputs in the workbook', () => {
  it('writes “số liệu đo được” with its metric, and reads the set back exactly', async () => {
    const bytes = await writeCriteriaWorkbook(measuredSet());
    await edited((wb) => {
      expect(indicatorCell(wb, 'M1', 'Loại nhập liệu').value).toBe('số liệu đo được');
      expect(indicatorCell(wb, 'M1', 'Số liệu đo được').value).toBe('số lượt người dân được hỗ trợ trên 1.000 dân');
      expect(indicatorCell(wb, 'M2', 'Tham số tính điểm').value).toBe('≥50%: 5; ≥80%: 10');
    }, bytes);
    const read = await readCriteriaWorkbook(bytes);
    expect(read.ok && read.set).toStrictEqual(measuredSet());
  });

  it('names the cell of an unknown metric and of a rule that does not fit the metric', async () => {
    const bytes = await edited(
      (wb) => {
        indicatorCell(wb, 'M1', 'Số liệu đo được').value = 'số người vui';
        indicatorCell(wb, 'M2', 'Cách tính điểm').value = 'bậc';
        indicatorCell(wb, 'M2', 'Tham số tính điểm').value = '≥50: 5';
      },
      await writeCriteriaWorkbook(measuredSet()),
    );
    const read = await readCriteriaWorkbook(bytes);
    const problems = read.ok ? {} : at(read.problems);
    expect(Object.keys(problems)).toHaveLength(2);
    expect(problems[`Chỉ tiêu!${await columnLetter('Số liệu đo được')}3`]).toMatch(
      /^“Số liệu đo được” không có giá trị "số người vui"; chọn "số lượt/,
    );
    expect(problems['Chỉ tiêu!H4']).toBe('số liệu đo được này tính theo “ngưỡng %”');
  });
});

describe('the criteria-set JSON Schema', () => {
  it('accepts a measured input with a known metric, and refuses an unknown one', () => {
    const validate = new Ajv({ allErrors: true }).compile(criteriaSetJsonSchema());
    expect(validate(measuredSet())).toBe(true);
    const bad = measuredSet() as unknown as { indicators: { input: unknown }[] };
    bad.indicators[1]!.input = { kind: 'measured', metric: 'happiness' };
    expect(validate(bad)).toBe(false);
  });
});

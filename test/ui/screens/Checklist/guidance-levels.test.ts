import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Methodology, Status } from '../../../../src/domain/types';
import { disclosureLevels } from '../../../../src/ui/screens/Checklist/guidance-levels';
import { scaleLabel } from '../../../../src/ui/screens/Checklist/view-model';

const methodology = JSON.parse(
  readFileSync(new URL('../../../../data/methodology/provisional-2026.1.json', import.meta.url), 'utf8'),
) as Methodology;
const guidance = JSON.parse(
  readFileSync(new URL('../../../../data/catalogue/2026.1/guidance.json', import.meta.url), 'utf8'),
) as { components: Record<string, { levels: { vi: string }[] }> };
const label = (lang: string) => (v: number) => scaleLabel(v as Status, methodology, lang) ?? '';

describe('disclosureLevels', () => {
  const texts = guidance.components.HTS7!.levels;

  it('labels each level with the methodology’s words in the UI language, its text in its own', () => {
    const vi = disclosureLevels(texts, 'vi', label('vi'));
    expect(vi.map((l) => [l.value, l.label, l.lang])).toEqual([
      [0, 'Chưa triển khai', 'vi'],
      [1, 'Có kế hoạch', 'vi'],
      [2, 'Đang triển khai', 'vi'],
      [3, 'Đã triển khai, sử dụng thường xuyên', 'vi'],
    ]);
    expect(vi[2]?.text).toBe(texts[2]?.vi);
    // Without English texts, the English screen labels the levels in English and shows the Vietnamese as such.
    const en = disclosureLevels(texts, 'en', label('en'));
    expect(en[1]).toEqual({ value: 1, label: 'Planned (approved plan or budget)', text: texts[1]?.vi, lang: 'vi' });
  });

  it('uses a level’s English where it has one', () => {
    const levels = disclosureLevels([{ vi: 'Chưa có.', en: 'None yet.' }, { vi: 'Có kế hoạch được duyệt.' }], 'en', String);
    expect(levels).toEqual([
      { value: 0, label: '0', text: 'None yet.', lang: 'en' },
      { value: 1, label: '1', text: 'Có kế hoạch được duyệt.', lang: 'vi' },
    ]);
  });

  it('takes a criteria set’s Vietnamese-only levels (plain strings)', () => {
    expect(disclosureLevels(['Chưa có.'], 'en', String)).toEqual([{ value: 0, label: '0', text: 'Chưa có.', lang: 'vi' }]);
  });
});

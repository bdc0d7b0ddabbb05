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
) as { components: Record<string, { levels: { vi: string; en: string }[] }> };

describe('disclosureLevels', () => {
  const texts = guidance.components.HTS7!.levels;

  it('labels each level with the methodology’s words in the UI language, its text in its own', () => {
    const vi = disclosureLevels(texts, 'vi', (v) => scaleLabel(v as Status, methodology, 'vi') ?? '');
    expect(vi.map((l) => [l.value, l.label, l.lang])).toEqual([
      [0, 'Chưa triển khai', 'vi'],
      [1, 'Có kế hoạch', 'vi'],
      [2, 'Đang triển khai', 'vi'],
      [3, 'Đã triển khai, sử dụng thường xuyên', 'vi'],
    ]);
    expect(vi[2]?.text).toBe(texts[2]?.vi);
    const en = disclosureLevels(texts, 'en', (v) => scaleLabel(v as Status, methodology, 'en') ?? '');
    expect(en[1]).toEqual({ value: 1, label: 'Planned (approved plan or budget)', text: texts[1]?.en, lang: 'en' });
  });

  it('takes a criteria set’s Vietnamese-only levels: in English they stay Vietnamese, marked so', () => {
    const levels = disclosureLevels(['Chưa có.', 'Có kế hoạch được duyệt.'], 'en', String);
    expect(levels).toEqual([
      { value: 0, label: '0', text: 'Chưa có.', lang: 'vi' },
      { value: 1, label: '1', text: 'Có kế hoạch được duyệt.', lang: 'vi' },
    ]);
  });
});

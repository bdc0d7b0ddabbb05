// Issue #10 item 4: changing area types shows what it adds and hides; answers are kept.
import { describe, expect, it } from 'vitest';
import { areaTypeChange } from '../../src/domain/area-change';
import { answer, realCatalogue } from './scoring-fixtures';

describe('areaTypeChange', () => {
  it('lists what a new type adds and what a dropped type hides, same items asked once', () => {
    const change = areaTypeChange(realCatalogue, ['rural'], ['urban', 'rural'], {});
    expect(change.added).toContain('HTS12'); // the shared item is now asked as HTS12…
    expect(change.hidden).toEqual(['HTS16', 'ƯDCQS17']); // …in place of rural's HTS16 and ƯDCQS17
    expect(change.added.every((c) => !c.startsWith('HTS16'))).toBe(true);
  });

  it('counts the answers kept hidden and those shown again', () => {
    const answers = { DL19: answer('DL19', 2), DL14: answer('DL14', 3) }; // rural and urban items
    const drop = areaTypeChange(realCatalogue, ['urban', 'rural'], ['urban'], answers);
    expect(drop.hidden).toContain('DL19');
    expect(drop.keptHidden).toBe(1);
    const back = areaTypeChange(realCatalogue, ['urban'], ['urban', 'rural'], answers);
    expect(back.added).toContain('DL19');
    expect(back.restored).toBe(1);
  });
});

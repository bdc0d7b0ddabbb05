import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../../src/ui/charts/wrap-label';

describe('wrapLabel', () => {
  it('wraps long axis labels at spaces, within the width', () => {
    expect(wrapLabel('Lớp 1. Hạ tầng số và an ninh mạng', 18)).toEqual(['Lớp 1. Hạ tầng số', 'và an ninh mạng']);
    expect(wrapLabel('Ứng dụng và nghiệp vụ', 14)).toEqual(['Ứng dụng và', 'nghiệp vụ']);
    expect(wrapLabel('Dữ liệu', 14)).toEqual(['Dữ liệu']);
  });

  it('never splits a word longer than the width, and drops blank input', () => {
    expect(wrapLabel('Siêudàikhôngcókhoảngtrắng', 5)).toEqual(['Siêudàikhôngcókhoảngtrắng']);
    expect(wrapLabel('Supercalifragilistic word', 5)).toEqual(['Supercalifragilistic', 'word']);
    expect(wrapLabel('  ', 10)).toEqual([]);
  });
});

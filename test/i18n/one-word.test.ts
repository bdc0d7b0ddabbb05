/**
 * Issue #10 item 6: one word for one idea. The national model (data/catalogue/sources) calls the
 * components every commune must have "thiết yếu"; the Vietnamese screens say so too, and keep
 * "bắt buộc" for required fields ("Lý do không áp dụng (bắt buộc)"), never for components.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../locales/vi/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('Vietnamese wording of commune-essential components', () => {
  it('the source model says "thiết yếu"', () => {
    const sources = new URL('../../data/catalogue/sources/', import.meta.url);
    const text = readdirSync(sources)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(new URL(f, sources), 'utf8'))
      .join('\n');
    expect(text).toMatch(/thiết yếu/iu);
  });

  it.each(files)('%s never calls a component "bắt buộc"', (file) => {
    const text = readFileSync(new URL(file, dir), 'utf8');
    expect(text).not.toMatch(/thành phần[^".]{0,20}bắt buộc/iu);
  });
});

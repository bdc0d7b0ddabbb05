import { describe, expect, it } from 'vitest';
import { isReviewPath, parseReviewRoute, reviewPaths, safeNext } from '../../../src/ui/reviewer/routes';

function parse(hashPath: string) {
  const [path = '', q = ''] = hashPath.split('?');
  return parseReviewRoute(path, Object.fromEntries(new URLSearchParams(q)));
}

describe('reviewer routes', () => {
  it('parses every screen', () => {
    expect(parse('/review')).toEqual({ name: 'communes' });
    expect(parse('/review?province=79')).toEqual({ name: 'communes', province: '79' });
    expect(parse('/review?province=7')).toEqual({ name: 'communes' });
    expect(parse('/review/sign-in')).toEqual({ name: 'sign-in' });
    expect(parse('/review/a/abc%2Fdef')).toEqual({ name: 'submission', id: 'abc/def' });
    expect(parse('/review/dashboard?province=01&areaType=rural')).toEqual({
      name: 'dashboard',
      province: '01',
      areaType: 'rural',
    });
    expect(parse('/review/users')).toEqual({ name: 'users' });
    expect(parse('/review/criteria-sets')).toEqual({ name: 'criteria-sets' });
    expect(parse('/review/criteria-sets?province=20')).toEqual({ name: 'criteria-sets', province: '20' });
    expect(parse('/review/criteria-sets/x')).toEqual({ name: 'not-found' });
    expect(parse('/review/a/x/y')).toEqual({ name: 'not-found' });
    expect(parse('/review/a/%E0%A4%A')).toEqual({ name: 'not-found' });
    expect(parse('/elsewhere')).toEqual({ name: 'not-found' });
  });

  it('builds paths that parse back', () => {
    expect(parse(reviewPaths.submission('a b/c'))).toEqual({ name: 'submission', id: 'a b/c' });
    expect(parse(reviewPaths.dashboard('01', 'urban'))).toEqual({ name: 'dashboard', province: '01', areaType: 'urban' });
    expect(reviewPaths.communes()).toBe('/review');
    expect(parse(reviewPaths.criteriaSets('20'))).toEqual({ name: 'criteria-sets', province: '20' });
    expect(reviewPaths.signIn('/review/a/x')).toBe('/review/sign-in?next=%2Freview%2Fa%2Fx');
  });

  it('only returns to reviewer pages after sign-in (no open redirect)', () => {
    expect(parse('/review/sign-in?next=%2Freview%2Fa%2Fx')).toEqual({ name: 'sign-in', next: '/review/a/x' });
    expect(safeNext('/review/dashboard?province=01')).toBe('/review/dashboard?province=01');
    expect(safeNext('https://evil.example/review')).toBeUndefined();
    expect(safeNext('//evil.example')).toBeUndefined();
    expect(safeNext('/reviewer-tricks')).toBeUndefined();
    expect(safeNext('/review/sign-in')).toBeUndefined();
    expect(reviewPaths.signIn('/settings')).toBe('/review/sign-in');
  });

  it('recognises the reviewer area', () => {
    expect(isReviewPath('/review')).toBe(true);
    expect(isReviewPath('/review/a/1')).toBe(true);
    expect(isReviewPath('/reviews')).toBe(false);
    expect(isReviewPath('/a/review')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parentPath, parseRoute, paths } from '../../src/ui/router';

describe('parseRoute', () => {
  it('reads the fixed routes, with or without "#"', () => {
    expect(parseRoute('').name).toBe('home');
    expect(parseRoute('#').name).toBe('home');
    expect(parseRoute('#/').name).toBe('home');
    expect(parseRoute('#/new').name).toBe('new');
    expect(parseRoute('/settings').name).toBe('settings');
    expect(parseRoute('#/settings/').name).toBe('settings');
    expect(parseRoute('#/enroll?code=AB12CD34')).toMatchObject({ name: 'enroll', query: { code: 'AB12CD34' } });
  });

  it('reads assessment routes and decodes the id', () => {
    expect(parseRoute('#/a/abc-123')).toMatchObject({ name: 'checklist', id: 'abc-123' });
    expect(parseRoute('#/a/abc/summary')).toMatchObject({ name: 'summary', id: 'abc' });
    expect(parseRoute('#/a/abc/report')).toMatchObject({ name: 'report', id: 'abc' });
    expect(parseRoute('#/a/abc/version')).toMatchObject({ name: 'setVersion', id: 'abc' });
    expect(parseRoute('#/a/x%20y')).toMatchObject({ name: 'checklist', id: 'x y' });
  });

  it('hands everything under /review to the reviewer area', () => {
    expect(parseRoute('#/review').name).toBe('review');
    expect(parseRoute('#/review/a/x?y=1')).toMatchObject({ name: 'review', path: '/review/a/x', query: { y: '1' } });
    expect(parseRoute('#/reviewer').name).toBe('not-found');
  });

  it('reads the community team screens (issue #15) and refuses others under /team', () => {
    expect(parseRoute('#/team/log')).toMatchObject({ name: 'team', view: 'log' });
    expect(parseRoute('#/team/log/ab%20c')).toMatchObject({ name: 'team', view: 'log', id: 'ab c' });
    expect(parseRoute('#/team/day?date=2026-05-04')).toMatchObject({ name: 'team', view: 'day', query: { date: '2026-05-04' } });
    expect(parseRoute('#/team/survey')).toMatchObject({ name: 'team', view: 'survey' });
    expect(parseRoute('#/team/survey/x').name).toBe('not-found');
    expect(parseRoute(`#${paths.teamName()}`)).toMatchObject({ name: 'team', view: 'name', path: '/team/name' });
    expect(parseRoute('#/team/name/x').name).toBe('not-found');
    expect(parentPath(parseRoute('#/team/name'))).toBe('/');
    expect(parseRoute('#/team/assessments').name).toBe('not-found');
    expect(parentPath(parseRoute('#/team/day'))).toBe('/');
  });

  it('keeps the query', () => {
    const r = parseRoute('#/a/abc?code=%C6%AFDCQS19&x=1');
    expect(r).toMatchObject({ name: 'checklist', id: 'abc', path: '/a/abc' });
    expect(r.query).toEqual({ code: 'ƯDCQS19', x: '1' });
  });

  it('sends anything else to not-found without throwing', () => {
    for (const hash of ['#/nope', '#/a', '#/a/x/y', '#/a/x/summary/more', '#/a/%E0%A4%A', '#/new/x', '#main']) {
      expect(parseRoute(hash).name).toBe('not-found');
    }
  });

  it('round-trips the path builders', () => {
    const id = 'id with/slash?';
    expect(parseRoute(paths.checklist(id))).toMatchObject({ name: 'checklist', id });
    expect(parseRoute(paths.summary(id))).toMatchObject({ name: 'summary', id });
    expect(parseRoute(paths.report(id))).toMatchObject({ name: 'report', id });
    expect(parseRoute(paths.setVersion(id))).toMatchObject({ name: 'setVersion', id });
    expect(parseRoute(paths.new()).name).toBe('new');
    expect(parseRoute(paths.settings()).name).toBe('settings');
    expect(parseRoute(paths.home()).name).toBe('home');
  });
});

describe('parentPath', () => {
  it('leads back up the hierarchy', () => {
    expect(parentPath(parseRoute('#/'))).toBeUndefined();
    expect(parentPath(parseRoute('#/new'))).toBe('/');
    expect(parentPath(parseRoute('#/review/dashboard'))).toBeUndefined();
    expect(parentPath(parseRoute('#/settings'))).toBe('/');
    expect(parentPath(parseRoute('#/a/x'))).toBe('/');
    expect(parentPath(parseRoute('#/a/x/summary'))).toBe('/a/x');
    expect(parentPath(parseRoute('#/a/x/report'))).toBe('/a/x');
    expect(parentPath(parseRoute('#/a/x/version'))).toBe('/a/x');
  });
});

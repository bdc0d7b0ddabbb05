import { describe, expect, it } from 'vitest';
import { langOfUrl, manifestVersion, planPrecache, strategyFor } from '../../src/sw/policy';

const scope = 'https://xa.example/';
const precached = new Set(['https://xa.example/index.html', 'https://xa.example/assets/index-abc.js']);
const ctx = { scope, precached };
const get = (url: string, mode = 'cors') => ({ method: 'GET', mode, url });

describe('strategyFor', () => {
  it('never touches the API, other origins or non-GET requests', () => {
    expect(strategyFor(get('https://xa.example/api/v1/assessments'), ctx)).toBe('network');
    expect(strategyFor(get('https://xa.example/api/v1/x', 'navigate'), ctx)).toBe('network');
    expect(strategyFor({ method: 'PUT', mode: 'cors', url: 'https://xa.example/assets/index-abc.js' }, ctx)).toBe('network');
    expect(strategyFor(get('https://cdn.example/assets/index-abc.js'), ctx)).toBe('network');
  });

  it('also recognises the API under a sub-path scope', () => {
    const sub = { scope: 'https://xa.example/app/', precached };
    expect(strategyFor(get('https://xa.example/app/api/v1/x'), sub)).toBe('network');
  });

  it('answers navigations with the shell', () => {
    expect(strategyFor(get('https://xa.example/', 'navigate'), ctx)).toBe('shell');
    expect(strategyFor(get('https://xa.example/anything?x=1', 'navigate'), ctx)).toBe('shell');
  });

  it('serves precached assets from cache, ignoring the query', () => {
    expect(strategyFor(get('https://xa.example/assets/index-abc.js'), ctx)).toBe('precache');
    expect(strategyFor(get('https://xa.example/assets/index-abc.js?v=2'), ctx)).toBe('precache');
  });

  it('runtime-caches other same-origin GETs such as language chunks', () => {
    expect(strategyFor(get('https://xa.example/assets/lang/en/common-x1.js'), ctx)).toBe('runtime');
  });
});

describe('planPrecache', () => {
  const manifest = [
    { url: 'index.html', revision: 'r1' },
    { url: 'assets/index-abc.js', revision: null },
    { url: 'assets/lang/en/common-x1.js', revision: null },
    { url: 'assets/lang/en/en-y2.js', revision: null },
  ];

  it('defers language chunks until first use', () => {
    const plan = planPrecache(manifest, 'https://xa.example/sw.js', new Set());
    expect(plan.now).toEqual(['https://xa.example/index.html', 'https://xa.example/assets/index-abc.js']);
    expect(plan.deferred).toHaveLength(2);
  });

  it('precaches a language the previous version had cached', () => {
    const plan = planPrecache(manifest, 'https://xa.example/sw.js', new Set(['en']));
    expect(plan.now).toHaveLength(4);
    expect(plan.deferred).toEqual([]);
  });

  it('lists a file once even when the manifest repeats it', () => {
    const plan = planPrecache([...manifest, { url: 'index.html', revision: 'r1' }], 'https://xa.example/sw.js', new Set());
    expect(plan.now).toEqual(['https://xa.example/index.html', 'https://xa.example/assets/index-abc.js']);
  });

  it('resolves against the worker location (sub-path deployments)', () => {
    const plan = planPrecache(manifest.slice(0, 1), 'https://xa.example/app/sw.js', new Set());
    expect(plan.now).toEqual(['https://xa.example/app/index.html']);
  });
});

describe('langOfUrl / manifestVersion', () => {
  it('finds the language of a language chunk', () => {
    expect(langOfUrl('https://xa.example/assets/lang/en/common-x1.js')).toBe('en');
    expect(langOfUrl('https://xa.example/assets/index-abc.js')).toBeUndefined();
    expect(langOfUrl('https://xa.example/assets/reviewer/reviewer-abc.js')).toBe('reviewer');
    expect(langOfUrl('https://xa.example/assets/online/tus-transfer-abc.js')).toBe('online');
    expect(langOfUrl('https://xa.example/assets/team/Team-abc.js')).toBe('team');
  });

  it('changes when any file or revision changes, and only then', () => {
    const a = [{ url: 'index.html', revision: 'r1' }];
    expect(manifestVersion(a)).toBe(manifestVersion([{ url: 'index.html', revision: 'r1' }]));
    expect(manifestVersion(a)).not.toBe(manifestVersion([{ url: 'index.html', revision: 'r2' }]));
    expect(manifestVersion(a)).not.toBe(manifestVersion([...a, { url: 'assets/x.js', revision: null }]));
  });
});

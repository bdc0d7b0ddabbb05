import { describe, expect, it } from 'vitest';
import { applicableComponents } from '../../src/domain/catalogue';
import { parseSubmission, validateSubmission, type Submission } from '../../src/domain/submission';
import { canonicalJson, submissionContentHash } from '../support/submission-hash';
import type { AreaType, Status } from '../../src/domain/types';
import { methodology, realCatalogue as catalogue } from './scoring-fixtures';

function build(areaTypes: AreaType[] = ['mountain-border-island'], status: Status = 3): Submission {
  return {
    revision: 1,
    baseRevision: null,
    communeCode: '01290',
    areaTypes,
    period: '2026',
    catalogueVersion: catalogue.version,
    methodologyId: methodology.id,
    submittedAt: '2026-03-01T07:30:00.000Z',
    answers: applicableComponents(catalogue, areaTypes)
      .filter((c) => !c.open)
      .map((c) => ({ code: c.code, status, updatedAt: '2026-03-01T07:00:00.000Z' })),
  };
}

const essential = catalogue.components.find((c) => c.tier === 'commune-essential' && !c.open)!;
const urban = catalogue.components.find((c) => c.tier === 'area-specific' && c.areaType === 'urban' && !c.open)!;
const mountainOpen = catalogue.components.find(
  (c) => c.tier === 'area-specific' && c.areaType === 'mountain-border-island' && c.open,
);

function problemsOf(s: Submission) {
  const check = validateSubmission(s, catalogue, methodology);
  return check.ok ? [] : check.problems;
}

// The domain's orderFreeSubmission decides what the hash covers; the reference hash is test support.
describe('content hash', () => {
  it('sorts object keys and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: undefined, c: 'x' }] })).toBe('{"a":[{"c":"x"}],"b":1}');
  });

  it('ignores answer and area-type order, but not content', () => {
    const s = build(['rural', 'mountain-border-island']);
    const hash = submissionContentHash(s);
    expect(
      submissionContentHash({ ...s, answers: [...s.answers].reverse(), areaTypes: ['mountain-border-island', 'rural'] }),
    ).toBe(hash);
    const edited = { ...s, answers: s.answers.map((a, i) => (i === 0 ? { ...a, note: 'thêm' } : a)) };
    expect(submissionContentHash(edited)).not.toBe(hash);
    expect(submissionContentHash({ ...s, period: '2026-H2' })).not.toBe(hash);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is the hash of the parsed payload, so a phone-side score does not change it', () => {
    const s = build();
    const parsed = parseSubmission(JSON.parse(JSON.stringify({ ...s, score: { index: 12 } })));
    expect(parsed.ok && submissionContentHash(parsed.submission)).toBe(submissionContentHash(s));
  });
});

describe('parseSubmission', () => {
  it('accepts a well-formed payload and drops unknown keys', () => {
    const parsed = parseSubmission({ ...build(), score: { index: 99 } });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.submission).not.toHaveProperty('score');
  });

  it('names the component whose answer is malformed', () => {
    const s = build();
    const raw = { ...s, answers: s.answers.map((a) => (a.code === essential.code ? { ...a, status: 7 } : a)) };
    const parsed = parseSubmission(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems[0]).toMatchObject({ code: essential.code, problem: expect.stringContaining('status') });
  });

  it('refuses non-objects and missing fields', () => {
    expect(parseSubmission(null).ok).toBe(false);
    expect(parseSubmission([]).ok).toBe(false);
    const { answers: _answers, ...noAnswers } = build();
    expect(parseSubmission(noAnswers).ok).toBe(false);
  });
});

describe('validateSubmission', () => {
  it('accepts a complete submission', () => {
    expect(validateSubmission(build(), catalogue, methodology)).toEqual({ ok: true });
    expect(validateSubmission(build(['urban', 'rural'], 0), catalogue, methodology)).toEqual({ ok: true });
  });

  it('reports each problem against its component', () => {
    const s = build();
    const patch = (code: string, p: object): Submission => ({
      ...s,
      answers: s.answers.map((a) => (a.code === code ? { ...a, ...p } : a)),
    });
    expect(problemsOf({ ...s, answers: [...s.answers, { code: 'HTS999', status: 3, updatedAt: s.submittedAt }] })).toEqual([
      { code: 'HTS999', problem: 'unknown-code' },
    ]);
    expect(problemsOf({ ...s, answers: [...s.answers, { code: urban.code, status: 3, updatedAt: s.submittedAt }] })).toEqual([
      { code: urban.code, problem: 'not-applicable' },
    ]);
    expect(problemsOf({ ...s, answers: [...s.answers, s.answers[0]!] })).toEqual([
      { code: s.answers[0]!.code, problem: 'duplicate-answer' },
    ]);
    expect(problemsOf(patch(essential.code, { status: 'na', naReason: 'x' }))).toEqual([
      { code: essential.code, problem: 'na-not-allowed' },
    ]);
    expect(problemsOf(patch(essential.code, { note: 'a'.repeat(2001) }))).toEqual([
      { code: essential.code, problem: 'note-too-long' },
    ]);
    expect(problemsOf(patch(essential.code, { note: 'a'.repeat(2000) }))).toEqual([]);
    expect(problemsOf(patch(essential.code, { status: null }))).toEqual([
      { code: essential.code, problem: 'required-unanswered' },
    ]);
    expect(problemsOf({ ...s, answers: s.answers.filter((a) => a.code !== essential.code) })).toEqual([
      { code: essential.code, problem: 'required-unanswered' },
    ]);
  });

  it('allows N/A with a reason on area-specific and open items', () => {
    const s = build();
    const area = s.answers.find((a) => catalogue.components.find((c) => c.code === a.code)?.tier === 'area-specific')!;
    const withNa = (p: object): Submission => ({
      ...s,
      answers: s.answers.map((a) => (a.code === area.code ? { ...a, status: 'na', ...p } : a)),
    });
    expect(problemsOf(withNa({ naReason: 'Không có' }))).toEqual([]);
    expect(problemsOf(withNa({}))).toEqual([{ code: area.code, problem: 'na-reason-required' }]);
    if (mountainOpen) {
      expect(
        problemsOf({
          ...s,
          answers: [...s.answers, { code: mountainOpen.code, status: 'na', naReason: 'x', updatedAt: s.submittedAt }],
        }),
      ).toEqual([]);
    }
  });

  it('checks versions, revisions and top-level fields', () => {
    const s = build();
    expect(problemsOf({ ...s, catalogueVersion: '1999.1' })).toContainEqual({ problem: 'catalogue-version-mismatch' });
    expect(problemsOf({ ...s, methodologyId: 'other' })).toContainEqual({ problem: 'methodology-mismatch' });
    expect(problemsOf({ ...s, revision: 2 })).toEqual([{ problem: 'revision-not-after-base' }]);
    expect(problemsOf({ ...s, revision: 3, baseRevision: 2 })).toEqual([]);
    expect(problemsOf({ ...s, areaTypes: ['mountain-border-island', 'mountain-border-island'] })).toContainEqual({
      problem: 'duplicate-area-type',
    });
    expect(problemsOf({ ...s, period: '  ' })).toEqual([{ problem: 'period-required' }]);
    expect(problemsOf({ ...s, period: '2026-'.repeat(5) })).toEqual([{ problem: 'period-too-long' }]);
    expect(problemsOf({ ...s, helpers: 'Tổ CNS '.repeat(100) })).toEqual([{ problem: 'helpers-too-long' }]);
  });
});

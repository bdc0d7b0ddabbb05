import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BACKUP_MAX, parseBackup } from '../../src/domain/backup';
import type { AnswerRow, BackupFile } from '../../src/domain/backup';
import { planImport, type ImportPlan, type LocalState } from '../../src/domain/backup-merge';
import type { Answer, Assessment } from '../../src/domain/types';

const ID = '3f1c2b7e-9d4a-4c1e-8f2a-0b1c2d3e4f50';
const base: Assessment = {
  id: ID,
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: '2026.1',
  methodologyId: 'provisional-2026.1',
  status: 'draft',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
};
const file = (assessments: BackupFile['assessments']): BackupFile => ({
  format: 'xaso-backup',
  formatVersion: 1,
  appVersion: '0.1.0',
  exportedAt: '2026-01-03T00:00:00.000Z',
  assessments,
});
const answer = (code: string, extra: Partial<Answer> = {}): Answer => ({
  code,
  status: 2,
  updatedAt: '2026-01-02T00:00:00.000Z',
  ...extra,
});
const good = file([{ ...base, answers: [answer('HTS1'), answer('ĐLHQ8', { status: 'na', naReason: 'Không có' })] }]);
const parseWith = (edit: (b: BackupFile) => unknown) => {
  const copy = structuredClone(good);
  // An edit may mutate the copy in place or return a whole new file.
  const replaced = edit(copy);
  const whole = typeof replaced === 'object' && replaced !== null && 'format' in replaced;
  return parseBackup(JSON.stringify(whole ? replaced : copy));
};

describe('parseBackup', () => {
  it('accepts a valid file and returns it unchanged', () => {
    expect(parseBackup(JSON.stringify(good))).toEqual({ ok: true, backup: good });
  });

  it('names the kind of problem with a code', () => {
    const code = (r: ReturnType<typeof parseBackup>) => (r.ok ? 'ok' : r.code);
    expect(code(parseBackup('{"format":"xaso-backup",'))).toBe('not-json');
    expect(code(parseBackup(''))).toBe('not-json');
    expect(code(parseBackup('null'))).toBe('wrong-format');
    expect(code(parseBackup('"xaso-backup"'))).toBe('wrong-format');
    expect(code(parseBackup(JSON.stringify({ ...good, format: 'odk' })))).toBe('wrong-format');
    expect(code(parseBackup(JSON.stringify({ ...good, formatVersion: 2 })))).toBe('unsupported-version');
    expect(code(parseBackup(JSON.stringify({ ...good, formatVersion: '1' })))).toBe('invalid');
    expect(code(parseBackup(' '.repeat(BACKUP_MAX.chars + 1)))).toBe('too-large');
  });

  it.each([
    ['an unknown status', (b: BackupFile) => Object.assign(b.assessments[0]?.answers[0] ?? {}, { status: 4 })],
    ['a status as text', (b: BackupFile) => Object.assign(b.assessments[0]?.answers[0] ?? {}, { status: '3' })],
    ['a note over the limit', (b: BackupFile) => Object.assign(b.assessments[0]?.answers[0] ?? {}, { note: 'ệ'.repeat(2001) })],
    ['a 10 MB note', (b: BackupFile) => Object.assign(b.assessments[0]?.answers[0] ?? {}, { note: 'x'.repeat(10_000_000) })],
    ['a bad code', (b: BackupFile) => Object.assign(b.assessments[0]?.answers[0] ?? {}, { code: '<script>' })],
    ['a bad date', (b: BackupFile) => Object.assign(b.assessments[0]?.answers[0] ?? {}, { updatedAt: 'yesterday' })],
    ['a duplicate answer', (b: BackupFile) => b.assessments[0]?.answers.push(answer('HTS1'))],
    [
      'a duplicate assessment',
      (b: BackupFile) => b.assessments.push(structuredClone(b.assessments[0] ?? { ...base, answers: [] })),
    ],
    ['an unknown key', (b: BackupFile) => Object.assign(b.assessments[0] ?? {}, { score: 99 })],
    ['a bad id', (b: BackupFile) => Object.assign(b.assessments[0] ?? {}, { id: '../../etc' })],
    ['no area type', (b: BackupFile) => Object.assign(b.assessments[0] ?? {}, { areaTypes: [] })],
    ['an empty period', (b: BackupFile) => Object.assign(b.assessments[0] ?? {}, { period: '  ' })],
  ])('refuses %s as invalid, naming where', (_label, edit) => {
    const r = parseWith(edit);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.code).toBe('invalid');
      expect(r.error).toMatch(/^The backup file is damaged or was altered: (file|assessments)/);
      expect(r.error.length).toBeLessThan(600);
    }
  });

  it('refuses __proto__ keys at any depth without polluting anything', () => {
    const text = JSON.stringify(good);
    for (const hostile of [
      text.replace('"format":', '"__proto__":{"polluted":1},"format":'),
      text.replace('"period":', '"__proto__":{"polluted":1},"period":'),
      text.replace('"code":"HTS1"', '"code":"HTS1","constructor":{"prototype":{"polluted":1}}'),
    ]) {
      const r = parseBackup(hostile);
      expect(r.ok ? 'ok' : r.code).toBe('invalid');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses more assessments or answers than allowed as too large', () => {
    const many = Array.from({ length: BACKUP_MAX.answersPerAssessment + 1 }, (_, i) => answer(`HTS${i % 100}`));
    const r1 = parseWith((b) => ({ ...b, assessments: [{ ...base, answers: many }] }));
    expect(r1.ok ? 'ok' : r1.code).toBe('too-large');
    const ids = Array.from({ length: BACKUP_MAX.assessments + 1 }, () => ({ ...base, id: crypto.randomUUID(), answers: [] }));
    const r2 = parseWith((b) => ({ ...b, assessments: ids }));
    expect(r2.ok ? 'ok' : r2.code).toBe('too-large');
  });

  it('stores text NFC and trimmed, and drops texts that are empty', () => {
    const r = parseWith((b) =>
      Object.assign(b.assessments[0]?.answers[0] ?? {}, { note: '  Đã có  '.normalize('NFD'), openName: ' ' }),
    );
    expect(r.ok && r.backup.assessments[0]?.answers[0]).toEqual(answer('HTS1', { note: 'Đã có' }));
  });
});

// ---- planImport: properties over random local states and incoming files ----

const IDS = [ID, '6a0e8c1d-2b3f-4a5b-9c6d-7e8f9a0b1c2d', 'b7c8d9e0-f1a2-4b3c-8d4e-5f6a7b8c9d0e'];
const CODES = ['HTS1', 'HTS2', 'ANM1', 'ƯDCQS19', 'ĐLHQ8'];
// Few distinct times, so that ties (local and incoming edited in the same ms) are common.
const iso = fc.integer({ min: 0, max: 4 }).map((t) => new Date(Date.UTC(2026, 0, 1) + t * 60_000).toISOString());
const answerArb = (code: string) =>
  fc.record(
    { code: fc.constant(code), status: fc.constantFrom(0, 1, 2, 3, 'na', null), note: fc.constantFrom('a', 'b'), updatedAt: iso },
    { requiredKeys: ['code', 'status', 'updatedAt'] },
  ) as fc.Arbitrary<Answer>;
const answersArb = fc.subarray(CODES).chain((codes) => fc.tuple(...codes.map(answerArb)));
const assessmentArb = (id: string) =>
  fc
    .record({
      id: fc.constant(id),
      communeCode: fc.constantFrom('00004', '00004', '00004', '00007'),
      status: fc.constantFrom('draft', 'returned', 'submitted', 'accepted'),
      period: fc.constantFrom('2026', '2027'),
      helpers: fc.constantFrom('A', 'B'),
      lastCode: fc.constantFrom(undefined, 'HTS1', 'ANM1'),
      updatedAt: iso,
      answers: answersArb,
    })
    .map(({ lastCode, ...a }) => ({ ...base, ...a, ...(lastCode ? { lastCode } : {}) }) as Assessment & { answers: Answer[] });
const sideArb = fc.subarray(IDS).chain((ids) => fc.tuple(...ids.map(assessmentArb)));

function toLocal(side: (Assessment & { answers: Answer[] })[]): LocalState {
  return {
    assessments: side.map(({ answers: _, ...a }) => a),
    answers: side.flatMap((a) => a.answers.map((x) => ({ ...x, assessmentId: a.id }))),
  };
}
const key = (r: AnswerRow) => `${r.assessmentId}|${r.code}`;
function apply(local: LocalState, plan: ImportPlan): LocalState {
  const assessments = new Map(local.assessments.map((a) => [a.id, a]));
  for (const a of plan.addAssessments) {
    expect(assessments.has(a.id)).toBe(false);
    assessments.set(a.id, a);
  }
  for (const a of plan.putAssessments) assessments.set(a.id, a);
  const answers = new Map(local.answers.map((r) => [key(r), r]));
  for (const r of plan.putAnswers) answers.set(key(r), r);
  return { assessments: [...assessments.values()], answers: [...answers.values()] };
}
const writes = (p: ImportPlan) => p.addAssessments.length + p.putAssessments.length + p.putAnswers.length;
const content = ({ status, note, naReason, openName }: Answer) => ({ status, note, naReason, openName });

describe('planImport', () => {
  // The interesting cases (same id on both sides, a tie, different details) need many draws.
  fc.configureGlobal({ numRuns: 500 });
  const cases = fc.tuple(sideArb, sideArb).map(([l, i]) => {
    const parsed = parseBackup(JSON.stringify(file(i)));
    if (!parsed.ok) throw new Error(parsed.error);
    return { local: toLocal(l), incoming: parsed.backup };
  });

  it('importing the same file twice changes nothing the second time', () => {
    fc.assert(
      fc.property(cases, ({ local, incoming }) => {
        const once = apply(local, planImport(local, incoming));
        expect(writes(planImport(once, incoming))).toBe(0);
      }),
    );
  });

  it('never replaces a local answer by an older or equally old one, and never loses an answer', () => {
    fc.assert(
      fc.property(cases, ({ local, incoming }) => {
        const plan = planImport(local, incoming);
        const result = new Map(apply(local, plan).answers.map((r) => [key(r), r]));
        const skipped = new Set(plan.report.skipped.map((s) => s.assessmentId));
        const incomingRows = toLocal(incoming.assessments).answers;
        const inc = new Map(incomingRows.map((r) => [key(r), r]));
        for (const mine of local.answers) {
          const now = result.get(key(mine));
          expect(now).toBeDefined();
          if (now && JSON.stringify(content(now)) !== JSON.stringify(content(mine))) {
            const theirs = inc.get(key(mine));
            expect(theirs && Date.parse(theirs.updatedAt) > Date.parse(mine.updatedAt)).toBe(true);
            expect(now).toEqual(theirs);
          }
        }
        for (const theirs of incomingRows) {
          if (!skipped.has(theirs.assessmentId)) expect(result.has(key(theirs))).toBe(true);
        }
      }),
    );
  });

  it('skips only what it must, and its counts add up', () => {
    fc.assert(
      fc.property(cases, ({ local, incoming }) => {
        const plan = planImport(local, incoming);
        const mine = new Map(local.assessments.map((a) => [a.id, a]));
        for (const s of plan.report.skipped) {
          const a = mine.get(s.assessmentId);
          expect(a).toBeDefined();
          if (s.reason === 'locked') expect(['submitted', 'accepted']).toContain(a?.status);
        }
        for (const a of plan.putAssessments) expect(['draft', 'returned']).toContain(mine.get(a.id)?.status);
        const r = plan.report;
        const considered = incoming.assessments.filter((a) => !r.skipped.some((s) => s.assessmentId === a.id));
        expect(r.answersAdded + r.answersUpdated + r.answersKeptLocal + r.answersUnchanged).toBe(
          considered.reduce((n, a) => n + a.answers.length, 0),
        );
        expect(r.assessmentsAdded + r.assessmentsMerged + r.assessmentsUnchanged + r.skipped.length).toBe(
          incoming.assessments.length,
        );
        expect(plan.putAnswers).toHaveLength(r.answersAdded + r.answersUpdated);
      }),
    );
  });

  it('finds nothing to do in a file made from the local state itself', () => {
    fc.assert(
      fc.property(sideArb, (side) => {
        const local = toLocal(side);
        const plan = planImport(local, file(side));
        expect(writes(plan)).toBe(0);
        expect(plan.report.answersUnchanged).toBe(local.answers.length);
        expect(plan.report.assessmentsUnchanged).toBe(side.length);
      }),
    );
  });

  it('changes local details only for a strictly newer record, and never the status or lastCode', () => {
    fc.assert(
      fc.property(cases, ({ local, incoming }) => {
        const plan = planImport(local, incoming);
        const mine = new Map(local.assessments.map((a) => [a.id, a]));
        const theirs = new Map(incoming.assessments.map((a) => [a.id, a]));
        for (const merged of plan.putAssessments) {
          const before = mine.get(merged.id);
          const inc = theirs.get(merged.id);
          if (!before || !inc) throw new Error('merged an assessment present on one side only');
          expect(merged.status).toBe(before.status);
          if (before.lastCode) expect(merged.lastCode).toBe(before.lastCode);
          if (merged.period !== before.period || merged.helpers !== before.helpers)
            expect(Date.parse(inc.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
        }
      }),
    );
  });

  it('keeps local details unless the incoming record is newer, and keeps the local status', () => {
    const local = toLocal([{ ...base, status: 'returned', period: '2026', answers: [] }]);
    const newer = file([{ ...base, period: '2027', status: 'accepted', updatedAt: '2026-02-01T00:00:00.000Z', answers: [] }]);
    const plan = planImport(local, newer);
    expect(plan.putAssessments).toEqual([{ ...base, status: 'returned', period: '2027', updatedAt: '2026-02-01T00:00:00.000Z' }]);
    const older = file([{ ...base, period: '2027', updatedAt: '2026-01-01T12:00:00.000Z', answers: [] }]);
    expect(writes(planImport(local, older))).toBe(0);
  });
});

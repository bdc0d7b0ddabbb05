import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  SupportKindsFileSchema,
  SurveyResponseSchema,
  SurveySchema,
  supportEntrySchema,
  type SupportEntry,
  type SurveyResponse,
} from '../../../src/domain/community/schemas';
import { forOutside, tally } from '../../../src/domain/community/tally';

const readJson = (p: string): unknown => JSON.parse(readFileSync(new URL(`../../../${p}`, import.meta.url), 'utf8'));
const kindsFile = SupportKindsFileSchema.parse(readJson('data/community/support-kinds-2026.1.json'));
const survey = SurveySchema.parse(readJson('data/community/survey-default-2026.1.json'));
const kinds = kindsFile.kinds.map((k) => k.id);
const Entry = supportEntrySchema(kinds);

const entry = (over: Partial<SupportEntry> = {}): SupportEntry => ({
  id: crypto.randomUUID(),
  date: '2026-03-02',
  hamlet: 'Thôn Đông',
  kind: 'kich-hoat-vneid-muc-2',
  residents: 3,
  ...over,
});
const response = (overall: number): SurveyResponse => ({
  id: crypto.randomUUID(),
  surveyId: survey.id,
  surveyVersion: survey.version,
  answeredAt: '2026-03-02T09:00:00+07:00',
  answers: { [survey.overallQuestion]: overall, 'lan-dau-dvc': true },
});

describe('community data files', () => {
  it('hold the five kinds of help with the exact Vietnamese', () => {
    expect(kinds).toEqual([
      'kich-hoat-vneid-muc-2',
      'dich-vu-cong-truc-tuyen',
      'thanh-toan-khong-dung-tien-mat',
      'ky-nang-so',
      'khac',
    ]);
    expect(kindsFile.kinds[0]?.vi).toBe('Kích hoạt tài khoản định danh điện tử mức độ 2');
  });
  it('survey: overall question is a 5-point scale, no free-text questions', () => {
    const overall = survey.questions.find((q) => q.id === survey.overallQuestion);
    expect(overall?.type).toBe('scale5');
    expect(survey.scale.vi[0]).toBe('Rất không hài lòng');
    expect(survey.scale.vi[4]).toBe('Rất hài lòng');
  });
});

describe('SupportEntrySchema', () => {
  it('accepts a valid entry and refuses identifying or bad fields', () => {
    expect(Entry.safeParse(entry({ note: '<script>alert(1)</script>' })).success).toBe(true);
    expect(Entry.safeParse({ ...entry(), name: 'Nguyễn Văn A' }).success).toBe(false);
    expect(Entry.safeParse({ ...entry(), phone: '0912345678' }).success).toBe(false);
    expect(Entry.safeParse(entry({ residents: 0 })).success).toBe(false);
    expect(Entry.safeParse(entry({ residents: 501 })).success).toBe(false);
    expect(Entry.safeParse(entry({ kind: 'unknown' })).success).toBe(false);
    expect(Entry.safeParse(entry({ date: '2026-02-30' })).success).toBe(false);
    expect(Entry.safeParse(entry({ hamlet: 'x'.repeat(101) })).success).toBe(false);
    expect(Entry.safeParse(entry({ hamlet: 'Thôn Đông'.normalize('NFD') })).success).toBe(false);
  });
  it('survey responses are strict too', () => {
    expect(SurveyResponseSchema.safeParse(response(4)).success).toBe(true);
    expect(SurveyResponseSchema.safeParse({ ...response(4), cccd: '001' }).success).toBe(false);
    expect(SurveyResponseSchema.safeParse(response(6)).success).toBe(false);
  });
});

describe('tally', () => {
  it('sums residents by kind, sessions and satisfaction (4 or 5 = satisfied)', () => {
    const t = tally(
      '2026',
      [entry(), entry({ kind: 'ky-nang-so', residents: 10 })],
      [5, 4, 2, 3, 1].map(response),
      survey.overallQuestion,
    );
    expect(t.residentsHelped).toBe(13);
    expect(t.residentsByKind).toEqual({ 'kich-hoat-vneid-muc-2': 3, 'ky-nang-so': 10 });
    expect(t.sessions).toBe(2);
    expect(t.satisfaction).toEqual({ mean: 3, shareSatisfied: 0.4, n: 5 });
    expect(forOutside(t)).toEqual(t);
  });
  it('withholds satisfaction over fewer than 5 responses outside the commune', () => {
    const t = tally('2026', [], [5, 5, 5, 5].map(response), survey.overallQuestion);
    expect(t.satisfaction).toEqual({ mean: 5, shareSatisfied: 1, n: 4 });
    expect(forOutside(t).satisfaction).toEqual({ tooFew: true });
  });
});

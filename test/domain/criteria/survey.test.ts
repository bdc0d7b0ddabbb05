/**
 * A criteria set may carry its province's satisfaction survey (issue #15): the zod schema and the
 * generated JSON Schema accept a good one, and refuse a bad one with the path of each problem.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { SurveySchema } from '../../../src/domain/community/schemas';
import { criteriaSetSchema, type CriteriaSet, type SetSurvey } from '../../../src/domain/criteria';
import { tinyCatalogue, tinySet } from './fixtures';
import { provinceSurvey } from './survey-fixtures';

const withSurvey = (change: (survey: SetSurvey & Record<string, unknown>) => void = () => {}): CriteriaSet => {
  const survey = provinceSurvey() as SetSurvey & Record<string, unknown>;
  change(survey);
  return { ...tinySet(), survey };
};

function problems(set: unknown): { path: string; message: string }[] {
  const r = criteriaSetSchema(tinyCatalogue).safeParse(set);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const jsonSchema = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../data/criteria/criteria-set.schema.json'), 'utf8'),
) as Record<string, unknown>;
const validate = new Ajv({ allErrors: true }).compile(jsonSchema);

describe("a criteria set's survey", () => {
  it('is optional, and a good one is accepted as the phone reads a survey (SurveySchema)', () => {
    expect(problems(tinySet())).toEqual([]);
    const set = withSurvey();
    expect(problems(set)).toEqual([]);
    expect(validate(set), JSON.stringify(validate.errors)).toBe(true);
    expect(SurveySchema.parse(criteriaSetSchema(tinyCatalogue).parse(set).survey)).toEqual(provinceSurvey());
  });

  it('may not take the default survey’s id, nor another version than the set’s', () => {
    expect(problems(withSurvey((s) => (s.id = 'survey-default')))).toEqual([
      { path: 'survey.id', message: '"survey-default" is the bundled survey\'s id' },
    ]);
    expect(problems(withSurvey((s) => (s.version = '2026.2')))).toEqual([
      { path: 'survey.version', message: "the survey's version must be the set's, 2026.1" },
    ]);
  });

  it('needs unique question ids, a 5-point question, and an overall question on the 5-point scale', () => {
    expect(problems(withSurvey((s) => (s.questions[2]!.id = 'danh-gia-chung')))).toEqual([
      { path: 'survey.questions.2.id', message: 'duplicate survey question id "danh-gia-chung"' },
    ]);
    expect(problems(withSurvey((s) => (s.overallQuestion = 'khong-co')))).toEqual([
      { path: 'survey.overallQuestion', message: 'unknown survey question "khong-co"' },
    ]);
    expect(problems(withSurvey((s) => (s.overallQuestion = 'gioi-thieu-nguoi-than')))).toEqual([
      { path: 'survey.overallQuestion', message: 'the overall question "gioi-thieu-nguoi-than" must be on the 5-point scale' },
    ]);
    const yesnoOnly = withSurvey((s) => {
      s.questions = [s.questions[2]!];
      s.overallQuestion = 'gioi-thieu-nguoi-than';
    });
    expect(problems(yesnoOnly).map((p) => p.message)).toEqual([
      'at least one question must be on the 5-point scale',
      'the overall question "gioi-thieu-nguoi-than" must be on the 5-point scale',
    ]);
  });

  it('refuses, in both schemas, a missing Vietnamese text, a bad type, four scale labels and unknown keys', () => {
    const bad: [string, (s: SetSurvey & Record<string, unknown>) => void][] = [
      ['survey.questions.0.vi', (s) => delete (s.questions[0] as Partial<SetSurvey['questions'][0]>).vi],
      ['survey.questions.1.type', (s) => ((s.questions[1] as { type: string }).type = 'stars')],
      ['survey.scale.vi', (s) => s.scale.vi.pop()],
      ['survey', (s) => (s.respondentName = 'Nguyễn Văn A')],
      ['survey.questions', (s) => (s.questions = [])],
    ];
    for (const [path, change] of bad) {
      const set = withSurvey(change);
      expect(
        problems(set).map((p) => p.path),
        path,
      ).toContain(path);
      expect(validate(set), path).toBe(false);
    }
  });
});

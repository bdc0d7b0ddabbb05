import { describe, expect, it } from 'vitest';
import { validateSubmission } from '../../src/domain/submission';
import type { Answer, Assessment } from '../../src/domain/types';
import { applicableComponents, isRequired } from '../../src/domain/catalogue';
import { buildSubmission } from '../../src/sync/payload';
import { readCurrentRevision, readServerView } from '../../src/sync/review-body';
import { ref } from './helpers';

const assessment: Assessment = {
  id: 'a-1234567',
  provinceCode: '01',
  communeCode: '00004',
  areaTypes: ['urban'],
  period: '2026',
  catalogueVersion: ref.catalogue.version,
  methodologyId: ref.methodology.id,
  status: 'submitted',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  helpers: 'Tổ công nghệ số cộng đồng',
};

describe('buildSubmission', () => {
  it('sends only answers that apply to the chosen area types, and passes the domain check', () => {
    const required = applicableComponents(ref.catalogue, ['urban']).filter(isRequired);
    const answers: Answer[] = required.map((c) => ({ code: c.code, status: 3, updatedAt: '2026-02-01T00:00:00.000Z' }));
    const ruralOnly = ref.catalogue.components.find((c) => c.tier === 'area-specific' && c.areaType === 'rural');
    expect(ruralOnly).toBeDefined();
    answers.push({ code: ruralOnly?.code ?? '', status: 2, updatedAt: '2026-02-01T00:00:00.000Z' });
    const body = buildSubmission(assessment, answers, { revision: 3, submittedAt: '2026-03-01T00:00:00.000Z', ref });
    expect(body).toMatchObject({ revision: 3, baseRevision: 2, helpers: 'Tổ công nghệ số cộng đồng' });
    expect(body.answers.map((a) => a.code)).not.toContain(ruralOnly?.code);
    expect(body.answers).toHaveLength(required.length);
    expect(validateSubmission(body, ref.catalogue, ref.methodology)).toEqual({ ok: true });
  });
});

describe('reading the server', () => {
  it('reads a SubmissionResult with a verdict', () => {
    expect(
      readServerView({
        revision: 2,
        latestRevision: 2,
        reviewState: 'returned',
        review: { verdict: 'returned', revision: 2, comment: 'Sửa', componentComments: { HTS3: 'x', DL1: '' } },
      }),
    ).toEqual({
      state: 'returned',
      revision: 2,
      latestRevision: 2,
      reviewedRevision: 2,
      comment: 'Sửa',
      componentComments: { HTS3: 'x' },
    });
  });

  it('reads the older {review:{state}} shape and a pending review', () => {
    expect(readServerView({ revision: 1, review: { state: 'pending' } })).toEqual({
      state: 'sent',
      revision: 1,
      latestRevision: 1,
    });
    expect(readServerView({ revision: 1, review: { state: 'accepted' } })).toMatchObject({
      state: 'accepted',
      reviewedRevision: 1,
    });
  });

  it('returns nothing for what it cannot read', () => {
    expect(readServerView('<html>')).toBeUndefined();
    expect(readServerView({ revision: 1, reviewState: 'weird' })).toBeUndefined();
  });

  it("finds the server's current revision in a 409", () => {
    expect(readCurrentRevision({ error: { code: 'stale_base_revision', message: '', currentRevision: 4 } })).toBe(4);
    expect(readCurrentRevision({ error: { code: 'conflict', message: '' }, current: { revision: 5 } })).toBe(5);
    expect(readCurrentRevision({ error: { code: 'conflict', message: '' } })).toBeUndefined();
  });
});

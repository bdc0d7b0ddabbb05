/** Community-team items as a team phone sends them, and a team phone enrolled the way the phone does it. */
import { randomUUID } from 'node:crypto';
import type { SupportEntry, SurveyResponse } from '../../src/domain/community/schemas';
import type { TestServer } from './harness';

export function entry(overrides: Partial<SupportEntry> = {}): SupportEntry {
  return {
    id: randomUUID(),
    date: '2026-03-02',
    hamlet: 'Thôn Nà Pồng',
    kind: 'kich-hoat-vneid-muc-2',
    residents: 3,
    ...overrides,
  };
}

export function response(overall: number, overrides: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    id: randomUUID(),
    surveyId: 'survey-default',
    surveyVersion: '2026.1',
    answeredAt: '2026-03-02T09:15:00.000Z',
    answers: { 'hai-long-dvc': 4, 'hai-long-chung': overall, 'lan-dau-dvc': true },
    ...overrides,
  };
}

/** Issues a team code (as the given reviewer or officer phone) and enrolls a team phone with it. */
export async function enrollTeam(
  s: TestServer,
  issuerToken: string,
  communeCode: string,
  label = 'Tổ CNS thôn Nà Pồng',
): Promise<{ token: string; deviceId: string }> {
  const issued = await s.request('POST', `/api/v1/communes/${communeCode}/team-codes`, { token: issuerToken });
  if (issued.status !== 201) throw new Error(`team code failed: ${issued.status} ${issued.text}`);
  const res = await s.request('POST', '/api/v1/enrollments', { body: { code: issued.json.code, label } });
  if (res.status !== 201) throw new Error(`team enroll failed: ${res.status} ${res.text}`);
  return { token: res.json.token as string, deviceId: res.json.deviceId as string };
}

/** A province's own criteria set, made the way a province would: the template with its own id, one indicator's points and one rule changed. */
import type { CriteriaSet } from '../../src/domain/criteria';
import type { Submission } from '../../src/domain/submission';
import { realReference, type TestServer } from './harness';
import { templateSubmission, type TemplateOptions } from './criteria-fixtures';

export const PROVINCE_SET_ID = 'cao-bang-chi-so-xa';

/** The bundled template re-issued as province 04's set: NT4 worth 25 (NT3 15), NT2's vice-chair worth 2/3. */
export function provinceSet(version = '2026.1'): CriteriaSet {
  const template = structuredClone(realReference().criteriaSets.get('template-commune-index@2026.1')!);
  const { notice: _notice, ...rest } = template;
  const set: CriteriaSet = { ...rest, id: PROVINCE_SET_ID, version, template: false };
  set.title = { vi: 'Bộ chỉ số chuyển đổi số cấp xã tỉnh Cao Bằng', en: 'Cao Bằng commune digital transformation index' };
  for (const ind of set.indicators) {
    if (ind.code === 'NT4') ind.points = 25;
    if (ind.code === 'NT3') ind.points = 15;
    if (ind.code === 'NT2' && ind.rule.kind === 'choice') ind.rule.fractions.vice = '2/3';
  }
  return set;
}

/** The template fixture's answers, naming the province's set. */
export function provinceSubmission(version = '2026.1', options: TemplateOptions = {}): Submission {
  return { ...templateSubmission({}, options), criteriaSet: { id: PROVINCE_SET_ID, version } };
}

/** Uploads and publishes; returns the meta of the published version. */
export async function publishSet(s: TestServer, token: string, set: CriteriaSet, provinceCode = '04') {
  const up = await s.request('POST', `/api/v1/provinces/${provinceCode}/criteria-sets`, { token, body: set });
  if (up.status !== 201) throw new Error(`upload: ${up.status} ${up.text.slice(0, 500)}`);
  const pub = await s.request('POST', `/api/v1/criteria-sets/${up.json.meta.id as string}/publish`, { token });
  if (pub.status !== 200) throw new Error(`publish: ${pub.status} ${pub.text.slice(0, 500)}`);
  return pub.json.meta as { id: string; setId: string; version: string; sha256: string };
}

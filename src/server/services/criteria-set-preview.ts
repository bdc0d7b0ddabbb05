/**
 * A set's preview on a sample commune: the answers of the commune's latest submission (the one
 * its dashboard row shows) scored under the set by the same domain function as every submission,
 * beside the score it was given under the set it named. Read-only.
 */
import { parseCriteriaSet, scoreCriteria } from '../../domain/criteria';
import type { Submission } from '../../domain/submission';
import type { ScoreResult } from '../../domain/types';
import type { AppDeps } from '../context';
import { notFound } from '../errors';
import type { CriteriaSetRow } from '../repositories/criteria-sets';

export async function previewOnCommune(deps: AppDeps, row: CriteriaSetRow, communeCode: string) {
  const place = deps.reference.communes.get(communeCode);
  if (!place || place.province.code !== row.province_code) throw notFound('No such commune in this set’s province');
  const latest = await deps.db
    .selectFrom('commune_scores as s')
    .innerJoin('assessment_revisions as r', (join) =>
      join.onRef('r.assessment_id', '=', 's.assessment_id').onRef('r.revision', '=', 's.revision'),
    )
    .select(['r.assessment_id', 'r.revision', 'r.payload', 'r.score'])
    .where('s.commune_code', '=', communeCode)
    .executeTakeFirst();
  if (!latest) throw notFound('This commune has sent no assessment yet');
  const submission = JSON.parse(latest.payload) as Submission;
  const catalogue = deps.reference.catalogues.get(submission.catalogueVersion);
  if (!catalogue) throw notFound('The commune’s submission names a catalogue this server no longer holds');
  const set = deps.criteriaSets.cachedRow(row.id)?.set ?? parseCriteriaSet(JSON.parse(row.body));
  const draft = scoreCriteria({
    set,
    catalogue,
    areaTypes: submission.areaTypes,
    answers: Object.fromEntries(submission.answers.map((a) => [a.code, a])),
  });
  const current = (JSON.parse(latest.score) as ScoreResult).criteria;
  const named = submission.criteriaSet;
  return {
    communeCode,
    assessmentId: latest.assessment_id,
    revision: Number(latest.revision),
    draft,
    ...(current ? { current } : {}),
    ...(named ? { currentSet: `${named.id}@${named.version}` } : {}),
  };
}

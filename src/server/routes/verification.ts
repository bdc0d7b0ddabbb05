/** Verification (thẩm định) of an assessment's latest revision, and the phone's comparison with its province. */
import type { AppDeps } from '../context';
import { clientIp } from '../context';
import { findRevision } from '../repositories/assessments';
import { ComparisonSchema, VerificationViewSchema, VerifyRequestSchema } from '../schemas/verification';
import { comparisonOf } from '../services/comparison';
import { verificationOf, verifyItem } from '../services/verification';
import { idParam, readableAssessment } from './assessments';
import type { ApiRoutes } from './registry';

export function registerVerificationRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'post',
      path: '/assessments/{id}/verifications',
      tag: 'assessments',
      summary: 'Verify one item of the latest revision, or adjust its value with a reason',
      description:
        'verified: the officer’s value stands; adjusted: `adjusted` is the new value (a status, or a value of the ' +
        'item’s own input kind) and `reason` is required. The server recomputes the verified score. Sending the ' +
        'same step again stores nothing new.',
      auth: 'reviewer',
      body: VerifyRequestSchema,
      responses: {
        201: { description: 'The verification as it now stands', schema: VerificationViewSchema },
        404: { description: 'Unknown assessment' },
        409: { description: 'A newer revision arrived (when `revision` was given)' },
        422: { description: 'Unknown item, no reason or value for an adjustment, or a value of the wrong kind' },
      },
    },
    async (c, { body }) => c.json(await verifyItem(deps, c.get('principal'), idParam(c), body, clientIp(c, deps)), 201),
  );

  api.add(
    {
      method: 'get',
      path: '/assessments/{id}/verification',
      tag: 'assessments',
      summary: 'The verification of the latest revision: each item’s step and the verified score',
      auth: 'any',
      responses: {
        200: { description: 'Verification', schema: VerificationViewSchema },
        404: { description: 'Unknown assessment' },
      },
    },
    async (c) => c.json(await verificationOf(deps, deps.db, await readableAssessment(c, deps))),
  );

  api.add(
    {
      method: 'get',
      path: '/assessments/{id}/comparison',
      tag: 'assessments',
      summary: 'The commune beside its province’s average and its area type’s, per group (no commune named)',
      auth: 'any',
      responses: {
        200: { description: 'Comparison', schema: ComparisonSchema },
        404: { description: 'Unknown assessment' },
      },
    },
    async (c) => {
      const assessment = await readableAssessment(c, deps);
      const revision = await findRevision(deps.db, assessment.id, assessment.latest_revision);
      if (!revision) throw new Error('assessment without its latest revision');
      return c.json(await comparisonOf(deps, assessment, revision));
    },
  );
}

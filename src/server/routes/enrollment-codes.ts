/**
 * A reviewer sees the enrollment codes of a commune that could still enroll a phone, and revokes
 * one that was handed out by mistake or leaked (issue #9, account management). Audited.
 */
import { assertProvinceAccess } from '../auth/guards';
import { clientIp, type AppDeps } from '../context';
import { ApiError, notFound } from '../errors';
import { findEnrollmentCodeById, listOpenEnrollmentCodes, revokeEnrollmentCode } from '../repositories/enrollment-codes';
import { CommuneCodeSchema } from '../schemas/common';
import { OpenEnrollmentCodesSchema } from '../schemas/accounts';
import { audit } from '../services/audit-trail';
import type { ApiRoutes } from './registry';

export function registerEnrollmentCodeRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'get',
      path: '/communes/{communeCode}/enrollment-codes',
      tag: 'enrollment',
      summary: 'Enrollment codes of a commune that can still be used (not used, revoked or expired)',
      auth: 'reviewer',
      responses: {
        200: { description: 'Open codes (the codes themselves are never stored)', schema: OpenEnrollmentCodesSchema },
        404: { description: 'Unknown commune' },
      },
    },
    async (c) => {
      const code = c.req.param('communeCode') ?? '';
      const place = CommuneCodeSchema.safeParse(code).success ? deps.reference.communes.get(code) : undefined;
      if (!place) throw notFound('Unknown commune code');
      assertProvinceAccess(c.get('principal'), place.province.code);
      const rows = await listOpenEnrollmentCodes(deps.db, code, deps.now().toISOString());
      return c.json({
        codes: rows.map((r) => ({ id: r.id, communeCode: r.commune_code, createdAt: r.created_at, expiresAt: r.expires_at })),
      });
    },
  );

  api.add(
    {
      method: 'delete',
      path: '/enrollment-codes/{id}',
      tag: 'enrollment',
      summary: 'Revoke an unused enrollment code',
      auth: 'reviewer',
      responses: {
        204: { description: 'Revoked' },
        404: { description: 'No such code' },
        409: { description: 'Already used or revoked' },
      },
    },
    async (c) => {
      const row = await findEnrollmentCodeById(deps.db, c.req.param('id') ?? '');
      if (!row) throw notFound('No such enrollment code');
      const user = assertProvinceAccess(c.get('principal'), row.province_code);
      if (!(await revokeEnrollmentCode(deps.db, row.id, deps.now().toISOString()))) {
        throw new ApiError(409, 'enrollment_code_closed', 'This code was already used or revoked');
      }
      await audit(
        deps,
        { principal: user, ip: clientIp(c, deps) },
        { action: 'enrollment-code.revoke', outcome: 'success', target: row.commune_code, detail: { codeId: row.id } },
      );
      return c.body(null, 204);
    },
  );
}

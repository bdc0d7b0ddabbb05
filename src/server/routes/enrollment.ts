/** Enrollment codes, device enrollment, device listing and revocation. */
import { assertProvinceAccess } from '../auth/guards';
import { clientIp, type AppContext, type AppDeps } from '../context';
import { cleanDisplayName, DISPLAY_NAME_MAX } from '../../domain/community/display-name';
import { ApiError, forbidden, notFound, unauthorized } from '../errors';
import { findDevice, listDevicesOfCommune, revokeDevice, setDeviceLabel } from '../repositories/devices';
import { CommuneCodeSchema } from '../schemas/common';
import {
  DeviceLabelBodySchema,
  DeviceLabelSchema,
  DeviceListSchema,
  EnrollmentCodeSchema,
  EnrollRequestSchema,
  EnrollResponseSchema,
} from '../schemas/enrollment';
import { audit } from '../services/audit-trail';
import { enrollDevice, issueEnrollmentCode } from '../services/enrollment';
import type { ApiRoutes } from './registry';

function communeParam(c: AppContext, deps: AppDeps) {
  const code = c.req.param('communeCode') ?? '';
  const found = CommuneCodeSchema.safeParse(code).success ? deps.reference.communes.get(code) : undefined;
  if (!found) throw notFound('Unknown commune code');
  return found;
}

export function registerEnrollmentRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'post',
      path: '/communes/{communeCode}/enrollment-codes',
      tag: 'enrollment',
      summary: 'Issue a single-use enrollment code for a commune (valid 7 days)',
      auth: 'reviewer',
      responses: {
        201: { description: 'The code, its link and QR code', schema: EnrollmentCodeSchema },
        404: { description: 'Unknown commune' },
      },
    },
    async (c) => {
      const { commune, province } = communeParam(c, deps);
      const user = assertProvinceAccess(c.get('principal'), province.code);
      // Configured, never taken from the request: a forged Host header must not yield a link to another site.
      const origin = deps.publicUrl;
      const issued = await issueEnrollmentCode(
        deps,
        user,
        { communeCode: commune.code, provinceCode: province.code },
        origin,
        clientIp(c, deps),
      );
      return c.json({ ...issued, communeCode: commune.code, communeName: commune.name, provinceCode: province.code }, 201);
    },
  );

  api.add(
    {
      method: 'post',
      path: '/enrollments',
      tag: 'enrollment',
      summary: 'Trade an enrollment code for a device token bound to its commune',
      auth: 'public',
      body: EnrollRequestSchema,
      responses: {
        201: { description: 'Enrolled', schema: EnrollResponseSchema },
        410: { description: 'Code already used or expired' },
        429: { description: 'Too many wrong codes from this address' },
      },
    },
    async (c, { body }) => {
      const enrolled = await enrollDevice(deps, body, clientIp(c, deps));
      const place = deps.reference.communes.get(enrolled.communeCode);
      return c.json({ ...enrolled, communeName: place?.commune.name ?? '', provinceName: place?.province.name ?? '' }, 201);
    },
  );

  api.add(
    {
      method: 'get',
      path: '/communes/{communeCode}/devices',
      tag: 'enrollment',
      summary: 'Devices enrolled for a commune (to revoke a lost phone)',
      auth: 'reviewer',
      responses: { 200: { description: 'Devices', schema: DeviceListSchema }, 404: { description: 'Unknown commune' } },
    },
    async (c) => {
      const { commune, province } = communeParam(c, deps);
      assertProvinceAccess(c.get('principal'), province.code);
      const devices = await listDevicesOfCommune(deps.db, commune.code);
      return c.json({
        devices: devices.map((d) => ({
          id: d.id,
          communeCode: d.commune_code,
          label: d.label,
          role: d.role,
          createdAt: d.created_at,
          revokedAt: d.revoked_at,
        })),
      });
    },
  );

  api.add(
    {
      method: 'put',
      path: '/devices/{id}/label',
      tag: 'enrollment',
      summary: "A phone's own name, shown to reviewers in the commune's list of phones",
      description:
        "The device itself only (a team phone sends its member's display name, issue #15). Stored as text: NFC, trimmed, 1 to 60 characters.",
      auth: 'device',
      teamDevices: true,
      body: DeviceLabelBodySchema,
      responses: {
        200: { description: 'Stored', schema: DeviceLabelSchema },
        403: { description: "Another device's id" },
        422: { description: 'Not a display name (empty, over 60 characters, control characters)' },
      },
    },
    async (c, { body }) => {
      const principal = c.get('principal');
      if (principal?.kind !== 'device') throw unauthorized();
      if (principal.id !== c.req.param('id')) throw forbidden('A device may only name itself');
      const label = cleanDisplayName(body.label);
      if (label === null)
        throw new ApiError(
          422,
          'invalid_label',
          `A name is 1 to ${DISPLAY_NAME_MAX} characters of text, without control characters`,
        );
      // The token was just checked as active: only a revocation in between leaves the row unchanged.
      if (!(await setDeviceLabel(deps.db, principal.id, label))) throw unauthorized('This device was revoked');
      await audit(
        deps,
        { principal, ip: clientIp(c, deps) },
        { action: 'device.label', outcome: 'success', target: principal.id, detail: { communeCode: principal.communeCode } },
      );
      return c.json({ id: principal.id, label });
    },
  );

  api.add(
    {
      method: 'delete',
      path: '/devices/{id}',
      tag: 'enrollment',
      summary: 'Revoke a device token',
      description: "A reviewer of the device's province, the admin, or the device itself.",
      auth: 'any',
      teamDevices: true,
      responses: { 204: { description: 'Revoked (also when it already was)' }, 404: { description: 'Unknown device' } },
    },
    async (c) => {
      const principal = c.get('principal');
      const device = await findDevice(deps.db, c.req.param('id') ?? '');
      if (!device) throw notFound('Unknown device');
      if (principal?.kind === 'device') {
        if (principal.id !== device.id) throw forbidden('A device may only revoke itself');
      } else {
        assertProvinceAccess(principal, device.province_code);
      }
      const at = deps.now().toISOString();
      await revokeDevice(deps.db, device.id, principal?.id ?? '', at);
      await audit(
        deps,
        { principal, ip: clientIp(c, deps) },
        { action: 'device.revoke', outcome: 'success', target: device.id, detail: { communeCode: device.commune_code } },
      );
      return c.body(null, 204);
    },
  );
}

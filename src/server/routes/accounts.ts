/** Sign in and out, who am I, and reviewer accounts (created by the admin). */
import type { z } from 'zod';
import { signIn } from '../auth/login';
import { hashPassword } from '../auth/passwords';
import { newId } from '../auth/tokens';
import { requireUser } from '../auth/guards';
import { clientIp, type AppDeps } from '../context';
import { isUniqueViolation } from '../db/errors';
import { ApiError, notFound } from '../errors';
import { deleteSession } from '../repositories/sessions';
import { findUserByUsername, insertUser } from '../repositories/users';
import { registerAccountAdminRoutes } from './account-admin';
import { CreateUserSchema, CurrentSessionSchema, LoginSchema, SessionSchema, UserSchema } from '../schemas/accounts';
import { audit } from '../services/audit-trail';
import type { ApiRoutes } from './registry';
import { userView } from './user-view';

export function registerAccountRoutes(api: ApiRoutes, deps: AppDeps): void {
  api.add(
    {
      method: 'post',
      path: '/sessions',
      tag: 'accounts',
      summary: 'Sign in with username and password',
      description:
        '5 failed attempts per username and IP, or 20 per IP across usernames, within 15 minutes → 429 for the rest of the window; an account with 10 failures is slowed to one try per 2 s. Body at most 16 KB.',
      auth: 'public',
      body: LoginSchema,
      responses: {
        201: { description: 'Signed in', schema: SessionSchema },
        401: { description: 'Wrong username or password' },
        429: { description: 'Too many failed attempts' },
      },
    },
    async (c, { body }) => {
      const session = await signIn(deps, body.username, body.password, clientIp(c, deps));
      return c.json({ token: session.token, expiresAt: session.expiresAt, user: userView(session.user) }, 201);
    },
  );

  api.add(
    {
      method: 'get',
      path: '/sessions/current',
      tag: 'accounts',
      summary: 'Who the token belongs to',
      auth: 'any',
      teamDevices: true,
      allowedBeforePasswordChange: true,
      responses: { 200: { description: 'The caller', schema: CurrentSessionSchema } },
    },
    (c) => {
      const p = c.get('principal');
      const body: z.infer<typeof CurrentSessionSchema> =
        p?.kind === 'user'
          ? {
              kind: 'user',
              user: {
                id: p.id,
                username: p.username,
                role: p.role,
                provinceCode: p.provinceCode,
                mustChangePassword: p.mustChangePassword === true,
              },
              device: null,
            }
          : {
              kind: 'device',
              user: null,
              device: p ? { id: p.id, communeCode: p.communeCode, provinceCode: p.provinceCode, role: p.role } : null,
            };
      return c.json(body);
    },
  );

  api.add(
    {
      method: 'delete',
      path: '/sessions/current',
      tag: 'accounts',
      summary: 'Sign out (ends this session token)',
      auth: 'reviewer',
      allowedBeforePasswordChange: true,
      responses: { 204: { description: 'Signed out' } },
    },
    async (c) => {
      const user = requireUser(c.get('principal'));
      await deleteSession(deps.db, user.tokenHash);
      await audit(
        deps,
        { principal: user, ip: clientIp(c, deps) },
        { action: 'session.delete', outcome: 'success', target: user.id },
      );
      return c.body(null, 204);
    },
  );

  registerAccountAdminRoutes(api, deps);

  api.add(
    {
      method: 'post',
      path: '/users',
      tag: 'accounts',
      summary: 'Create a provincial reviewer',
      auth: 'admin',
      body: CreateUserSchema,
      responses: {
        201: { description: 'Created', schema: UserSchema },
        404: { description: 'Unknown province' },
        409: { description: 'Username taken' },
      },
    },
    async (c, { body }) => {
      if (!deps.reference.provinces.has(body.provinceCode)) throw notFound('Unknown province code');
      const taken = () => new ApiError(409, 'username_taken', 'That username is taken');
      if (await findUserByUsername(deps.db, body.username)) throw taken();
      const passwordHash = await hashPassword(body.password);
      // Parallel requests for one name all pass the check above; the unique index decides.
      const user = await insertUser(deps.db, {
        id: newId(),
        username: body.username,
        passwordHash,
        role: body.role,
        provinceCode: body.provinceCode,
        at: deps.now().toISOString(),
      }).catch((error: unknown) => {
        throw isUniqueViolation(error) ? taken() : error;
      });
      await audit(
        deps,
        { principal: c.get('principal'), ip: clientIp(c, deps) },
        {
          action: 'user.create',
          outcome: 'success',
          target: user.id,
          detail: { username: user.username, role: user.role, provinceCode: user.province_code },
        },
      );
      return c.json(userView(user), 201);
    },
  );
}

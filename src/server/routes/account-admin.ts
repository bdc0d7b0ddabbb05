/**
 * Account management (issue #9): the admin lists accounts with their last sign-in, disables or
 * re-enables one (a disabled account's sessions are deleted at once, on every instance, since
 * sessions live in the database), and resets a password to a temporary one that the user must
 * replace at the next sign-in; every user changes their own password. All audited.
 */
import { z } from 'zod';
import { requireUser } from '../auth/guards';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { clientIp, type AppContext, type AppDeps } from '../context';
import { ApiError, forbidden, notFound } from '../errors';
import { deleteSessionsOfUser } from '../repositories/sessions';
import { findUserById, listUsers, setUserDisabled, setUserPassword, type UserRow } from '../repositories/users';
import { AccountSchema, ChangePasswordSchema, ResetPasswordSchema } from '../schemas/accounts';
import { audit } from '../services/audit-trail';
import type { ApiRoutes } from './registry';
import { accountView } from './user-view';

async function targetUser(c: AppContext, deps: AppDeps): Promise<UserRow> {
  const user = await findUserById(deps.db, c.req.param('id') ?? '');
  if (!user) throw notFound('No such account');
  return user;
}

export function registerAccountAdminRoutes(api: ApiRoutes, deps: AppDeps): void {
  const done = {
    200: { description: 'The account after the change', schema: AccountSchema },
    404: { description: 'No such account' },
  };

  api.add(
    {
      method: 'get',
      path: '/users',
      tag: 'accounts',
      summary: 'List accounts (with last sign-in and state)',
      auth: 'admin',
      responses: { 200: { description: 'Accounts', schema: z.object({ users: z.array(AccountSchema) }) } },
    },
    async (c) => c.json({ users: (await listUsers(deps.db)).map(accountView) }),
  );

  for (const disable of [true, false]) {
    api.add(
      {
        method: 'post',
        path: `/users/{id}/${disable ? 'disable' : 'enable'}`,
        tag: 'accounts',
        summary: disable ? 'Disable an account: no sign-in, and its sessions end at once' : 'Enable a disabled account again',
        auth: 'admin',
        responses: { ...done, 409: { description: 'An admin cannot disable their own account' } },
      },
      async (c) => {
        const admin = requireUser(c.get('principal'));
        const user = await targetUser(c, deps);
        if (disable && user.id === admin.id)
          throw new ApiError(409, 'cannot_disable_self', 'You cannot disable your own account');
        const at = deps.now().toISOString();
        await deps.db.transaction().execute(async (trx) => {
          await setUserDisabled(trx, user.id, disable ? (user.disabled_at ?? at) : null, at);
          if (disable) await deleteSessionsOfUser(trx, user.id);
          await audit(
            deps,
            { principal: admin, ip: clientIp(c, deps) },
            {
              action: disable ? 'user.disable' : 'user.enable',
              outcome: 'success',
              target: user.id,
              detail: { username: user.username },
            },
            trx,
          );
        });
        return c.json(accountView((await findUserById(deps.db, user.id)) ?? user));
      },
    );
  }

  api.add(
    {
      method: 'post',
      path: '/users/{id}/password',
      tag: 'accounts',
      summary: 'Reset a password to a temporary one; the user must change it at the next sign-in',
      description: 'Ends every session of the account.',
      auth: 'admin',
      body: ResetPasswordSchema,
      responses: done,
    },
    async (c, { body }) => {
      const admin = requireUser(c.get('principal'));
      const user = await targetUser(c, deps);
      const hash = await hashPassword(body.password);
      const at = deps.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
        await setUserPassword(trx, user.id, hash, at, true);
        await deleteSessionsOfUser(trx, user.id);
        await audit(
          deps,
          { principal: admin, ip: clientIp(c, deps) },
          { action: 'user.password-reset', outcome: 'success', target: user.id, detail: { username: user.username } },
          trx,
        );
      });
      return c.json(accountView((await findUserById(deps.db, user.id)) ?? user));
    },
  );

  api.add(
    {
      method: 'put',
      path: '/sessions/current/password',
      tag: 'accounts',
      summary: 'Change your own password (required after a reset)',
      auth: 'reviewer',
      allowedBeforePasswordChange: true,
      body: ChangePasswordSchema,
      responses: {
        204: { description: 'Changed; other sessions of the account end' },
        403: { description: 'Wrong current password' },
      },
    },
    async (c, { body }) => {
      const me = requireUser(c.get('principal'));
      const user = await findUserById(deps.db, me.id);
      if (!user) throw notFound('No such account');
      const who = { principal: me, ip: clientIp(c, deps) };
      if (!(await verifyPassword(body.currentPassword, user.password_hash))) {
        await audit(deps, who, {
          action: 'user.password-change',
          outcome: 'failure',
          target: me.id,
          detail: { reason: 'wrong-current-password' },
        });
        throw forbidden('The current password is wrong');
      }
      if (body.newPassword === body.currentPassword)
        throw new ApiError(422, 'password_unchanged', 'Choose a password different from the current one');
      const hash = await hashPassword(body.newPassword);
      const at = deps.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
        await setUserPassword(trx, me.id, hash, at, false);
        // Other sessions (a lost laptop) end; this one stays.
        await trx.deleteFrom('sessions').where('user_id', '=', me.id).where('token_hash', '!=', me.tokenHash).execute();
        await audit(deps, who, { action: 'user.password-change', outcome: 'success', target: me.id }, trx);
      });
      return c.body(null, 204);
    },
  );
}

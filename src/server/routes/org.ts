/** The organization and its users (admins manage users). */
import { z } from 'zod';
import { PASSWORD_MAX, PASSWORD_MIN, hashPassword } from '../../auth/password.ts';
import { StoreError } from '../../store/types.ts';
import { ApiError } from '../errors.ts';
import { defineRoute, type AnyRoute } from '../route.ts';
import { Id, Role, Timestamp, UserOut } from '../schemas.ts';
import { actorOf } from './actor.ts';

const Password = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export function orgRoutes(): AnyRoute[] {
  return [
    defineRoute({
      method: 'GET',
      path: '/api/org',
      tag: 'organization',
      summary: 'My organization.',
      access: 'org.read',
      responses: [
        { status: 200, description: 'The organization', schema: z.object({ id: Id, name: z.string(), createdAt: Timestamp }) },
      ],
      handler: async ({ c, deps, user }) => {
        const org = await deps.store.orgs.get(user.orgId);
        if (!org) throw new ApiError('not_found');
        return c.json(org);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/api/users',
      tag: 'organization',
      summary: 'Users of my organization.',
      access: 'user.manage',
      responses: [{ status: 200, description: 'Users', schema: z.object({ users: z.array(UserOut) }) }],
      handler: async ({ c, deps, user }) => c.json({ users: await deps.store.users.list(actorOf(c, user)) }),
    }),
    defineRoute({
      method: 'POST',
      path: '/api/users',
      tag: 'organization',
      summary: 'Add a user to my organization.',
      access: 'user.manage',
      body: z.object({
        email: z.email().max(320),
        displayName: z.string().trim().min(1).max(200),
        role: Role,
        password: Password,
      }),
      responses: [{ status: 201, description: 'Created', schema: UserOut }],
      handler: async ({ c, deps, user, body }) => {
        const created = await deps.store.users
          .create({
            orgId: user.orgId,
            email: body.email,
            displayName: body.displayName,
            role: body.role,
            passwordHash: await hashPassword(body.password),
          })
          .catch((e: unknown) => {
            if (e instanceof StoreError && e.code === 'conflict') throw new ApiError('email_taken');
            throw e;
          });
        return c.json(created, 201);
      },
    }),
    defineRoute({
      method: 'PATCH',
      path: '/api/users/:userId',
      tag: 'organization',
      summary: "Change a user of my organization: name, role, disabled, password. Disabling ends the user's sessions.",
      access: 'user.manage',
      params: z.object({ userId: Id }),
      body: z
        .object({
          displayName: z.string().trim().min(1).max(200).optional(),
          role: Role.optional(),
          disabled: z.boolean().optional(),
          password: Password.optional(),
        })
        .strict()
        .refine((b) => Object.keys(b).length > 0, { message: 'Give at least one field to change.' }),
      responses: [{ status: 200, description: 'Changed', schema: UserOut }],
      handler: async ({ c, deps, user, params, body }) => {
        if (params.userId === user.id && (body.disabled === true || (body.role && body.role !== 'admin'))) {
          throw new ApiError('self_lockout');
        }
        const { password, ...rest } = body;
        const updated = await deps.store.users.update(actorOf(c, user), params.userId, {
          ...rest,
          ...(password ? { passwordHash: await hashPassword(password) } : {}),
        });
        if (body.disabled || password) await deps.store.sessions.deleteForUser(updated.id);
        return c.json(updated);
      },
    }),
  ];
}

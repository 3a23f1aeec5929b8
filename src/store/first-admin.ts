/**
 * First run: when the database has no users, create an organization and an admin. The password comes from the
 * caller (WRIT_ADMIN_PASSWORD) or is generated here and returned once for the caller to print once.
 */
import { randomBytes } from 'node:crypto';
import { StoreError, type FirstAdminResult, type Store } from './types.ts';

export const MIN_ADMIN_PASSWORD = 12;

export async function ensureFirstAdmin(
  store: Pick<Store, 'orgs' | 'users'>,
  input: Parameters<Store['ensureFirstAdmin']>[0],
): Promise<FirstAdminResult> {
  if ((await store.users.count()) > 0) return { created: false };
  let password = input.password;
  let generated: string | undefined;
  if (password !== undefined && password !== '') {
    if (password.length < MIN_ADMIN_PASSWORD) {
      throw new StoreError('invalid', `WRIT_ADMIN_PASSWORD must be at least ${MIN_ADMIN_PASSWORD} characters.`);
    }
  } else {
    generated = password = randomBytes(18).toString('base64url');
  }
  const org = await store.orgs.create({ name: input.orgName ?? 'My organization' });
  const user = await store.users.create({
    orgId: org.id,
    email: input.email ?? 'admin@localhost',
    displayName: 'Administrator',
    role: 'admin',
    passwordHash: await input.hashPassword(password),
  });
  return generated ? { created: true, org, user, generatedPassword: generated } : { created: true, org, user };
}

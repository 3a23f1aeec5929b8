/**
 * API tokens for the CLI and scripts (`Authorization: Bearer writ_pat_…`): shown once when issued, stored as SHA-256,
 * revocable. A token acts as its user, with the user's role.
 */
import type { ApiToken, Store, User } from '../store/types.ts';
import { API_TOKEN_PREFIX, hashSecretToken, looksLikeToken, newSecretToken } from './secret-token.ts';

type TokenStore = Pick<Store, 'apiTokens'>;

export async function issueApiToken(
  store: TokenStore,
  user: User,
  label: string,
): Promise<{ token: string; record: ApiToken }> {
  const token = newSecretToken(API_TOKEN_PREFIX);
  const record = await store.apiTokens.create({ userId: user.id, tokenHash: hashSecretToken(token), label });
  return { token, record };
}

/** The token's user, or null when the token is malformed, unknown, revoked, or its user is disabled. */
export async function resolveApiToken(store: TokenStore, token: string): Promise<User | null> {
  if (!looksLikeToken(token, API_TOKEN_PREFIX)) return null;
  const found = await store.apiTokens.findByHash(hashSecretToken(token));
  if (!found || found.user.disabled) return null;
  return found.user;
}

/**
 * A real API over a real store (PGlite in memory) for the API tests: two organizations, a user of every role in
 * organization A, an admin in organization B, an API token for each, and a request helper.
 */
import { randomBytes } from 'node:crypto';
import { hashPassword } from '../../src/auth/password.ts';
import { issueApiToken } from '../../src/auth/api-tokens.ts';
import { createApp } from '../../src/server/app.ts';
import { DEFAULT_CONFIG, type ServerConfig, type ServerDeps } from '../../src/server/deps.ts';
import { openStore, type Role, type Store, type User } from '../../src/store/index.ts';
import type { Reference } from '../../src/core/reference/reference.ts';

export const PASSWORD = 'correct horse battery staple';
export const ORIGIN = 'http://localhost';

export type CallerName = 'anonymous' | Role | 'otherOrgAdmin';
export const ROLE_CALLERS: Role[] = ['admin', 'attorney', 'paralegal', 'advocate'];

export interface Harness {
  store: Store;
  deps: ServerDeps;
  app: ReturnType<typeof createApp>;
  logs: string[];
  users: Record<Role | 'otherOrgAdmin', User>;
  tokens: Record<Role | 'otherOrgAdmin', string>;
  request: (
    method: string,
    path: string,
    opts?: { as?: CallerName; json?: unknown; body?: BodyInit; headers?: Record<string, string> },
  ) => Promise<Response>;
  /** Signs in with a password and returns the cookie header and CSRF token. */
  signIn: (email: string, password?: string) => Promise<{ cookie: string; csrfToken: string }>;
  close: () => Promise<void>;
}

export async function openHarness(
  opts: { config?: Partial<ServerConfig>; reference?: Reference | null; evidenceMaxBytes?: number; databaseUrl?: string } = {},
): Promise<Harness> {
  const logs: string[] = [];
  const store = await openStore({
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl, env: {} } : { inMemory: true }),
    envKey: randomBytes(32).toString('base64'),
    jobs: false,
    log: (l) => logs.push(l),
    ...(opts.evidenceMaxBytes ? { evidenceMaxBytes: opts.evidenceMaxBytes } : {}),
  });
  const deps: ServerDeps = {
    store,
    reference: opts.reference ?? null,
    config: { ...DEFAULT_CONFIG, log: (l) => logs.push(l), ...opts.config },
  };
  const app = createApp(deps);
  const orgA = await store.orgs.create({ name: 'Org A' });
  const orgB = await store.orgs.create({ name: 'Org B' });
  const passwordHash = await hashPassword(PASSWORD);
  const users = {} as Harness['users'];
  for (const role of ROLE_CALLERS) {
    users[role] = await store.users.create({ orgId: orgA.id, email: `${role}@a.example`, displayName: `${role} A`, role, passwordHash });
  }
  users.otherOrgAdmin = await store.users.create({ orgId: orgB.id, email: 'admin@b.example', displayName: 'admin B', role: 'admin', passwordHash });
  const tokens = {} as Harness['tokens'];
  for (const [k, u] of Object.entries(users)) tokens[k as keyof typeof tokens] = (await issueApiToken(store, u, 'test')).token;

  const request: Harness['request'] = async (method, path, o = {}) => {
    const headers: Record<string, string> = { ...(o.headers ?? {}) };
    if (o.as && o.as !== 'anonymous') headers.authorization = `Bearer ${tokens[o.as]}`;
    let body = o.body;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers['content-type'] ??= 'application/json';
    }
    return app.request(ORIGIN + path, { method, headers, ...(body !== undefined ? { body } : {}) });
  };

  const signIn: Harness['signIn'] = async (email, password = PASSWORD) => {
    const res = await request('POST', '/api/auth/login', { json: { email, password } });
    if (res.status !== 200) throw new Error(`sign-in failed: ${res.status}`);
    const setCookie = res.headers.get('set-cookie') ?? '';
    const cookie = setCookie.split(';')[0]!;
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    return { cookie, csrfToken };
  };

  return { store, deps, app, logs, users, tokens, request, signIn, close: () => store.close() };
}

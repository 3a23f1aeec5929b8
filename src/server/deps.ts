/** What the API is built from: the store, the reference data, and its settings. `createApp(deps)` takes these. */
import type { Reference } from '../core/reference/reference.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { Role, Store, User } from '../store/types.ts';

export interface ServerConfig {
  /** Mark cookies Secure even on plain HTTP (behind a TLS-terminating proxy). Requests over TLS always get Secure. */
  secureCookies: boolean;
  /** Extra origins browsers may call from (e.g. the public https URL behind a proxy). The request's own origin is always allowed. */
  publicOrigins: string[];
  /** Trust X-Forwarded-For / X-Forwarded-Proto (only behind a proxy you run). */
  trustProxy: boolean;
  /** Largest JSON body, in bytes. */
  maxJsonBytes: number;
  /** Largest evidence upload, in bytes (the store enforces it too). */
  maxEvidenceBytes: number;
  /** Built web app to serve (index.html + assets), or null. */
  webDir: string | null;
  /** One line per request (method, route pattern, status, ms) and server notices. Never personal data. */
  log: (line: string) => void;
  now: () => Date;
}

export interface ServerDeps {
  store: Store;
  /** The reference data; null when it could not be loaded (lookups then answer 503 `not_available`). */
  reference: Reference | null;
  config: ServerConfig;
}

export const DEFAULT_CONFIG: ServerConfig = {
  secureCookies: false,
  publicOrigins: [],
  trustProxy: false,
  maxJsonBytes: 1024 * 1024,
  maxEvidenceBytes: 50 * 1024 * 1024,
  webDir: null,
  log: () => {},
  now: () => new Date(),
};

/** The signed-in user as routes see it. */
export type AuthUser = User;

export interface AuthState {
  user: AuthUser;
  via: 'session' | 'token';
  /** Only for session auth. */
  sessionId?: string;
  csrfToken?: string;
}

export interface AppEnv {
  Variables: {
    deps: ServerDeps;
    lang: Lang;
    requestId: string;
    /** The matched route's pattern, for the request log. */
    routePattern: string;
    auth: AuthState | null;
  };
}

export type { Role };

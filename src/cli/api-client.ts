/**
 * The CLI as a client of a running Writ server: where the saved login lives, how it is read and written, and a small
 * fetch-based client whose failures are Messages (code + params) with an exit code, never stack traces.
 *
 * The login file holds `{ url, token, tokenId }` at `--config FILE`, else `$XDG_CONFIG_HOME/writ/cli.json`, else
 * `~/.config/writ/cli.json`, written with mode 0600. `WRIT_URL` and `WRIT_TOKEN` together override the file. The token
 * is never part of a message.
 */
import { chmodSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { render, type Lang, type Message } from '../i18n/i18n.ts';
import type { Io } from './command.ts';

export interface CliLogin {
  url: string;
  token: string;
  /** The token's id on the server (for `writ logout`); absent when the token comes from WRIT_TOKEN. */
  tokenId?: string;
}

/** A failure the CLI reports as one line: the message and the exit code (1 failure, 2 bad input or not logged in). */
export class CliProblem extends Error {
  readonly problem: Message;
  readonly exitCode: 1 | 2;
  constructor(problem: Message, exitCode: 1 | 2) {
    super(problem.code);
    this.name = 'CliProblem';
    this.problem = problem;
    this.exitCode = exitCode;
  }
}

/** Prints a CliProblem (rendered in `lang`) and returns its exit code; anything else is rethrown. */
export function reportProblem(io: Io, lang: Lang, e: unknown): number {
  if (!(e instanceof CliProblem)) throw e;
  io.stderr(render(lang, e.problem) + '\n');
  return e.exitCode;
}

/** The login file: `--config FILE`, else `$XDG_CONFIG_HOME/writ/cli.json`, else `~/.config/writ/cli.json`. */
export function loginFilePath(override: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (override) return override;
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(env.HOME || homedir(), '.config');
  return join(base, 'writ', 'cli.json');
}

/**
 * A server address as given to `writ login --url`: http or https, no user name or password in it, no query or
 * fragment. Returned without a trailing slash.
 */
export function normalizeServerUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    throw new CliProblem({ code: 'cli:url.invalid', params: { url: raw } }, 2);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new CliProblem({ code: 'cli:url.invalid', params: { url: raw } }, 2);
  if (u.username || u.password || u.search || u.hash) throw new CliProblem({ code: 'cli:url.extraParts' }, 2);
  return (u.origin + u.pathname).replace(/\/+$/, '');
}

/** True for an address on this computer (plain HTTP is acceptable there). */
export function isLoopback(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * The saved login: WRIT_URL + WRIT_TOKEN when both are set, else the login file. Not logged in → CliProblem, exit 2.
 */
export function loadLogin(configFile: string | undefined, env: NodeJS.ProcessEnv = process.env): CliLogin {
  const envUrl = env.WRIT_URL?.trim();
  const envToken = env.WRIT_TOKEN?.trim();
  if (envUrl || envToken) {
    if (!envUrl || !envToken) throw new CliProblem({ code: 'cli:login.envIncomplete' }, 2);
    return { url: normalizeServerUrl(envUrl), token: envToken };
  }
  const path = loginFilePath(configFile, env);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new CliProblem({ code: 'cli:login.notLoggedIn', params: { path } }, 2);
    throw new CliProblem({ code: 'cli:login.unreadable', params: { path, reason: (e as NodeJS.ErrnoException).code ?? 'error' } }, 2);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = null;
  }
  const o = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof o.url !== 'string' || typeof o.token !== 'string' || !o.token) {
    throw new CliProblem({ code: 'cli:login.damaged', params: { path } }, 2);
  }
  return { url: normalizeServerUrl(o.url), token: o.token, ...(typeof o.tokenId === 'string' ? { tokenId: o.tokenId } : {}) };
}

/** True when WRIT_URL or WRIT_TOKEN is set (the login file is then not used). */
export function loginFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.WRIT_URL?.trim() || env.WRIT_TOKEN?.trim());
}

/** Writes the login file with mode 0600 (its folder 0700), replacing any earlier one in one step. */
export function saveLogin(path: string, login: CliLogin): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(login, null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, path);
}

export function deleteLogin(path: string): void {
  rmSync(path, { force: true });
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** Seconds to wait for the server before giving up. */
export const REQUEST_TIMEOUT_MS = 60_000;

/**
 * Calls a Writ server. Every failure is a CliProblem: unreachable (exit 1, names the URL), an error answer mapped from
 * its status and code (401, 403, 404 and the rest), an answer that is not from a Writ server.
 */
export class ApiClient {
  readonly url: string;
  private readonly token: string | undefined;
  private readonly lang: Lang;

  constructor(opts: { url: string; token?: string; lang: Lang }) {
    this.url = opts.url;
    this.token = opts.token;
    this.lang = opts.lang;
  }

  /** A request; answers with status ≥ 400 become CliProblems (what a 404 means is named by `notFound`). */
  async request(
    method: string,
    path: string,
    opts: { json?: unknown; headers?: Record<string, string>; notFound?: Message } = {},
  ): Promise<ApiResponse> {
    const headers: Record<string, string> = { 'accept-language': this.lang, ...(opts.headers ?? {}) };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (opts.json !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await fetch(this.url + path, {
        method,
        headers,
        redirect: 'manual',
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        ...(opts.json !== undefined ? { body: JSON.stringify(opts.json) } : {}),
      });
      text = await res.text();
    } catch (e) {
      const err = e as Error & { cause?: { code?: string; message?: string } };
      const reason = err.name === 'TimeoutError' ? 'timeout' : (err.cause?.code ?? err.cause?.message ?? err.message);
      throw new CliProblem({ code: 'cli:api.unreachable', params: { url: this.url, reason } }, 1);
    }
    if (res.status >= 400) throw this.problemFor(res.status, text, opts.notFound);
    if (res.status >= 300) throw new CliProblem({ code: 'cli:api.notWrit', params: { url: this.url } }, 1);
    return { status: res.status, headers: res.headers, text };
  }

  /** A request whose answer is JSON (an answer that is not JSON means this is not a Writ server). */
  async json<T>(method: string, path: string, opts: Parameters<ApiClient['request']>[2] = {}): Promise<{ body: T; headers: Headers; status: number }> {
    const r = await this.request(method, path, opts);
    if (r.status === 204) return { body: undefined as T, headers: r.headers, status: r.status };
    try {
      return { body: JSON.parse(r.text) as T, headers: r.headers, status: r.status };
    } catch {
      throw new CliProblem({ code: 'cli:api.notWrit', params: { url: this.url } }, 1);
    }
  }

  private problemFor(status: number, text: string, notFound: Message | undefined): CliProblem {
    let code = '';
    let message = '';
    try {
      const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
      code = typeof e?.code === 'string' ? e.code : '';
      message = typeof e?.message === 'string' ? e.message : '';
    } catch {
      return new CliProblem({ code: 'cli:api.notWrit', params: { url: this.url } }, 1);
    }
    if (!code) return new CliProblem({ code: 'cli:api.notWrit', params: { url: this.url } }, 1);
    if (code === 'invalid_credentials') return new CliProblem({ code: 'cli:api.invalidCredentials', params: { url: this.url } }, 1);
    if (status === 401) return new CliProblem({ code: 'cli:api.unauthenticated', params: { url: this.url } }, 1);
    if (code === 'forbidden') return new CliProblem({ code: 'cli:api.forbidden' }, 1);
    if (code === 'route_not_found') return new CliProblem({ code: 'cli:api.routeNotFound', params: { url: this.url } }, 1);
    if (code === 'not_found') return new CliProblem(notFound ?? { code: 'cli:api.notFound' }, 1);
    // Other errors: the server's own message (in our language; it never repeats request data).
    return new CliProblem({ code: 'cli:api.serverError', params: { status, code, message } }, 1);
  }
}

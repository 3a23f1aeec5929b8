/**
 * The web app's one way to call the API (same origin): JSON in and out, the session cookie, the CSRF token on
 * state-changing requests, the user's language in Accept-Language. Every failure becomes an ApiFailure carrying the
 * API's error code, its message (already in the user's language) and any field issues — never a thrown TypeError.
 */
import { currentLang } from './i18n.ts';

export interface FieldIssue {
  path: string;
  problem: string;
}

export class ApiFailure extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];
  /** The whole JSON answer, for routes that say more than the error (e.g. a refused incident report's problems). */
  readonly body: unknown;
  constructor(status: number, code: string, message: string, issues: FieldIssue[] = [], body: unknown = null) {
    super(message);
    this.body = body;
    this.name = 'ApiFailure';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function send(
  method: string,
  path: string,
  body?: unknown,
  init: { raw?: BodyInit; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLang(), ...init.headers };
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (init.raw !== undefined) {
    payload = init.raw;
    headers['Content-Type'] = init.contentType ?? 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['Content-Type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  } catch {
    throw new ApiFailure(0, 'network', '');
  }
  if (!res.ok) {
    let code = 'http_' + res.status;
    let message = '';
    let issues: FieldIssue[] = [];
    let body: unknown = null;
    try {
      const j = (await res.json()) as { error?: { code?: string; message?: string; issues?: FieldIssue[] } };
      body = j;
      code = j.error?.code ?? code;
      message = j.error?.message ?? '';
      issues = Array.isArray(j.error?.issues) ? j.error.issues : [];
    } catch {
      /* not JSON */
    }
    throw new ApiFailure(res.status, code, message, issues, body);
  }
  return res;
}

export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await send(method, path, body);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A binary answer (a document, a zip, an .ics) with the file name the server suggests. */
export async function apiBlob(method: string, path: string, body?: unknown): Promise<{ blob: Blob; filename: string | null }> {
  const res = await send(method, path, body);
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)|filename="?([^";]+)"?/i.exec(cd);
  const filename = m ? decodeURIComponent(m[1] ?? m[2] ?? '') : null;
  return { blob: await res.blob(), filename };
}

/** Sends a file's bytes as the request body, its name in X-Filename (percent-encoded, never in the URL). */
export async function apiUpload<T>(path: string, file: File): Promise<T> {
  const res = await send('POST', path, undefined, {
    raw: file,
    contentType: 'application/octet-stream',
    headers: { 'X-Filename': encodeURIComponent(file.name) },
  });
  return (await res.json()) as T;
}

/** Saves a blob as a download with the given name. */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- the shapes the screens use (the API's OpenAPI document at /api/openapi.json is the reference) ----

export interface User {
  id: string;
  orgId: string;
  email: string;
  displayName: string;
  role: 'admin' | 'attorney' | 'paralegal' | 'advocate';
}

export interface CaseSummary {
  id: string;
  title: string;
  status: 'open' | 'closed' | 'archived';
  currentRevision: number;
  createdAt: string;
  updatedAt: string;
}

export interface CaseDetail extends CaseSummary {
  facts: Record<string, unknown> | null;
}

export interface Revision {
  caseId: string;
  revision: number;
  facts: unknown;
  note: string | null;
  authorId: string;
  createdAt: string;
}

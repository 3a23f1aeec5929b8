/**
 * The API's one error model: every error response is JSON `{ error: { code, message } }` with a stable code,
 * the message rendered in the caller's language from `api:errors.<code>`. Never a stack trace, never the
 * request's data.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Message } from '../i18n/i18n.ts';

/** Stable error codes and their HTTP status. Adding a code means adding `api:errors.<code>` in en and es. */
export const ERROR_STATUS = {
  invalid_json: 400,
  invalid_request: 400,
  invalid_facts: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  route_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  self_lockout: 409,
  email_taken: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  file_type_refused: 415,
  unprocessable: 422,
  too_many_attempts: 429,
  not_available: 503,
  internal: 500,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** One field problem in an invalid request: where (path) and what (a zod issue code). No input values. */
export interface FieldIssue {
  path: string;
  problem: string;
}

/** Thrown by routes and middleware; the app's error handler turns it into the JSON error response. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly issues: FieldIssue[] | undefined;
  readonly headers: Record<string, string>;
  /** A more precise message from a core module (e.g. the deadline engine's problem), shown instead of the code's. */
  readonly detail: Message | undefined;
  constructor(
    code: ErrorCode,
    params: Record<string, string | number> = {},
    opts: { issues?: FieldIssue[]; headers?: Record<string, string>; detail?: Message } = {},
  ) {
    super(code);
    this.name = 'ApiError';
    this.code = code;
    this.params = params;
    this.issues = opts.issues;
    this.headers = opts.headers ?? {};
    this.detail = opts.detail;
  }
  get status(): ContentfulStatusCode {
    return ERROR_STATUS[this.code];
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

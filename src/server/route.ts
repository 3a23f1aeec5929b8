/**
 * How a route is declared: method, path, who may call it (one policy action), zod schemas for what comes in and what
 * goes out, and a thin handler. The same declaration drives validation, authorization, the OpenAPI document and the
 * authorization-matrix test, so they cannot drift apart.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import type { Action } from '../auth/policy.ts';
import type { Lang } from '../i18n/i18n.ts';
import type { AppEnv, AuthUser, ServerDeps } from './deps.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Who may call a route: anyone, any signed-in user, or users whose role may take the action. */
export type Access = 'public' | 'signed-in' | Action;

export interface ResponseSpec {
  status: number;
  description: string;
  /** Schema of a JSON body; omit for non-JSON bodies. */
  schema?: z.ZodType;
  /** Content type when not JSON (e.g. `text/calendar`, `application/octet-stream`). */
  contentType?: string;
}

export interface RouteInput<P, Q, B, H = undefined> {
  c: Context<AppEnv>;
  params: P;
  query: Q;
  body: B;
  /** Request headers the route declared (lower-case names), validated. */
  headers: H;
  /** The signed-in user. For a 'public' route, reading it without a signed-in user answers 401. */
  user: AuthUser;
  deps: ServerDeps;
  lang: Lang;
}

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, H extends z.ZodType> {
  method: Method;
  /** Hono path, e.g. `/api/cases/:caseId`. */
  path: string;
  tag: string;
  summary: string;
  access: Access;
  params?: P;
  query?: Q;
  /** Request headers the route reads (lower-case names). */
  headers?: H;
  /** JSON body schema. */
  body?: B;
  /** A raw (streamed) body instead of JSON: the handler reads `c.req.raw.body` itself. */
  rawBody?: { contentTypes: string[]; description: string };
  responses: ResponseSpec[];
  handler: (input: RouteInput<z.output<P>, z.output<Q>, z.output<B>, z.output<H>>) => Promise<Response>;
}

/** A declared route, type-erased for the registry. */
export interface AnyRoute {
  method: Method;
  path: string;
  tag: string;
  summary: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  rawBody?: { contentTypes: string[]; description: string };
  responses: ResponseSpec[];
  handler: (input: RouteInput<any, any, any, any>) => Promise<Response>;
}

export function defineRoute<
  P extends z.ZodType = z.ZodUndefined,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
  H extends z.ZodType = z.ZodUndefined,
>(spec: RouteSpec<P, Q, B, H>): AnyRoute {
  return spec as unknown as AnyRoute;
}

/** `/api/cases/:caseId` → `/api/cases/{caseId}` (OpenAPI path syntax). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

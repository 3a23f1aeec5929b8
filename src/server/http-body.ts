/** Reading request bodies with a size limit, and turning zod failures into the API's error. */
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError, type FieldIssue } from './errors.ts';

/** Parses `value` with `schema`; an invalid value answers 400 `invalid_request` naming the fields (never their values). */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues: FieldIssue[] = r.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.') || '(body)',
    problem: i.code,
  }));
  throw new ApiError('invalid_request', { fields: [...new Set(issues.map((i) => i.path))].join(', ') }, { issues });
}

/** Yields the request body's chunks, answering 413 `payload_too_large` as soon as more than `max` bytes arrive. */
export async function* limitedBody(c: Context, max: number): AsyncIterable<Uint8Array> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > max) throw tooLarge(max);
  const body = c.req.raw.body;
  if (!body) return;
  let seen = 0;
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    seen += chunk.byteLength;
    if (seen > max) throw tooLarge(max);
    yield chunk;
  }
}

/** Reads the whole request body, at most `max` bytes (413 `payload_too_large` beyond). */
export async function readLimitedBody(c: Context, max: number): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of limitedBody(c, max)) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function tooLarge(max: number): ApiError {
  return new ApiError('payload_too_large', { max: formatBytes(max) });
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Reads a JSON body: must be `application/json`, at most `max` bytes, and parse. */
export async function readJsonBody(c: Context, max: number): Promise<unknown> {
  const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new ApiError('unsupported_media_type', { expected: 'application/json' });
  const text = (await readLimitedBody(c, max)).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('invalid_json');
  }
}

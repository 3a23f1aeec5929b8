/**
 * The OpenAPI 3.1 document, generated from the same route declarations and zod schemas that validate requests
 * (zod 4's `z.toJSONSchema`), served at `/api/openapi.json`.
 */
import { z } from 'zod';
import { ERROR_STATUS } from './errors.ts';
import { openApiPath, type AnyRoute } from './route.ts';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from './authenticate.ts';

type Json = Record<string, unknown>;

function schemaOf(s: z.ZodType, io: 'input' | 'output'): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
}

function parametersOf(s: z.ZodType | undefined, where: 'path' | 'query' | 'header'): Json[] {
  if (!s) return [];
  const js = schemaOf(s, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema,
    ...(typeof schema.description === 'string' ? { description: schema.description } : {}),
  }));
}

const ERROR_SCHEMA: Json = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_STATUS) },
        message: { type: 'string', description: 'In the language asked for (?lang=es or Accept-Language).' },
        issues: {
          type: 'array',
          items: { type: 'object', properties: { path: { type: 'string' }, problem: { type: 'string' } } },
        },
      },
    },
  },
};

export function buildOpenApi(routes: AnyRoute[]): Json {
  const paths: Record<string, Record<string, Json>> = {};
  for (const r of routes) {
    const p = (paths[openApiPath(r.path)] ??= {});
    const responses: Record<string, Json> = {};
    for (const res of r.responses) {
      responses[String(res.status)] = {
        description: res.description,
        ...(res.schema
          ? { content: { 'application/json': { schema: schemaOf(res.schema, 'output') } } }
          : res.contentType
            ? { content: { [res.contentType]: { schema: { type: 'string', format: 'binary' } } } }
            : {}),
      };
    }
    responses.default = {
      description: 'An error: a stable code and a message.',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
    };
    p[r.method.toLowerCase()] = {
      operationId: `${r.method.toLowerCase()}${r.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, ch: string | undefined) => (ch ?? '').toUpperCase())}`,
      tags: [r.tag],
      summary: r.summary,
      'x-writ-access': r.access,
      security: r.access === 'public' ? [] : [{ session: [] }, { bearer: [] }],
      parameters: [...parametersOf(r.params, 'path'), ...parametersOf(r.query, 'query'), ...parametersOf(r.headers, 'header')],
      ...(r.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(r.body, 'input') } } } }
        : r.rawBody
          ? {
              requestBody: {
                required: true,
                description: r.rawBody.description,
                content: Object.fromEntries(r.rawBody.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }])),
              },
            }
          : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Writ API',
      version: '0.1.0',
      description:
        'Writ explains and prepares; it is not legal advice. Cookie sessions must send X-CSRF-Token on POST, PUT, PATCH and DELETE; API tokens (Authorization: Bearer) need not.',
      license: { name: 'AGPL-3.0-or-later' },
    },
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Set by POST /api/auth/login (named ${SECURE_SESSION_COOKIE} over TLS).`,
        },
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/auth/tokens.' },
      },
    },
  };
}

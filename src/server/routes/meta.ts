/** Health and the OpenAPI document. */
import { z } from 'zod';
import { defineRoute, type AnyRoute } from '../route.ts';
import { buildOpenApi } from '../openapi.ts';

export function metaRoutes(all: () => AnyRoute[]): AnyRoute[] {
  let doc: unknown = null;
  return [
    defineRoute({
      method: 'GET',
      path: '/api/health',
      tag: 'meta',
      summary: 'Is the server up (and is the reference data loaded)?',
      access: 'public',
      responses: [
        { status: 200, description: 'Up', schema: z.object({ ok: z.literal(true), reference: z.boolean() }) },
      ],
      handler: async ({ c, deps }) => c.json({ ok: true as const, reference: deps.reference !== null }),
    }),
    defineRoute({
      method: 'GET',
      path: '/api/openapi.json',
      tag: 'meta',
      summary: 'This API, described as OpenAPI 3.1 (generated from the validating schemas).',
      access: 'public',
      responses: [{ status: 200, description: 'The OpenAPI document', schema: z.object({ openapi: z.string() }).loose() }],
      handler: async ({ c }) => c.json((doc ??= buildOpenApi(all())) as Record<string, unknown>),
    }),
  ];
}

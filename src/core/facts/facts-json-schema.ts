/** The JSON Schema of the facts format, generated from the zod schema (the one source). */
import { z } from 'zod';
import { FactsSchema } from './facts-schema.ts';

let cached: Record<string, unknown> | null = null;

export function factsJsonSchema(): Record<string, unknown> {
  if (!cached) {
    cached = {
      ...(z.toJSONSchema(FactsSchema, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>),
      $id: 'https://writ.example/schemas/facts-v1.json',
      title: 'Writ facts, version 1',
    };
  }
  return cached;
}

/** Facts sent to the API: the facts schema (zod) validates them in the body; this adds its cross-field checks. */
import { parseFacts, type Facts } from '../core/facts/index.ts';
import { ApiError } from './errors.ts';

/** The facts, valid; otherwise 400 `invalid_facts` with each problem's path and what to fix. */
export function requireValidFacts(facts: unknown, pathPrefix = 'facts'): Facts {
  const r = parseFacts(facts);
  if (r.ok) return r.facts;
  throw new ApiError(
    'invalid_facts',
    { fields: r.problems.map((p) => p.path || pathPrefix).join(', ') },
    { issues: r.problems.map((p) => ({ path: p.path ? `${pathPrefix}.${p.path}` : pathPrefix, problem: p.message })) },
  );
}

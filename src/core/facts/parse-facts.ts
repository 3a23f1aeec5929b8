/**
 * parseFacts: JSON text or a value → validated Facts, or a list of problems (path + what is wrong + how to fix).
 * Never throws for bad input.
 */
import type { z } from 'zod';
import { FactsSchema, type Facts } from './facts-schema.ts';

export interface FactsProblem {
  /** Dotted path to the field, e.g. "benefitRequest.filedDate" or "enforcement.actions[0]"; "" for the whole document. */
  path: string;
  message: string;
}

export type ParseFactsResult = { ok: true; facts: Facts } | { ok: false; problems: FactsProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // Messages written in the schema (e.g. "must be a date written YYYY-MM-DD") win over the generic ones.
  if (!/^(Invalid|Unrecognized|Too (small|big)|Expected)/.test(issue.message)) return issue.message;
  if (issue.code === 'unrecognized_keys') {
    return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling against \`writ schema facts\``;
  }
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type') {
    const got = (issue as { input?: unknown }).input;
    const kind = got === null ? 'null' : Array.isArray(got) ? 'a list' : typeof got;
    return `must be ${issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${kind}`;
  }
  return issue.message;
}

/** Checks that need more than one field (dates in order). */
function crossChecks(f: Facts): FactsProblem[] {
  const out: FactsProblem[] = [];
  const b = f.benefitRequest;
  const before = (a: string | undefined, bDate: string | undefined) => a !== undefined && bDate !== undefined && a > bDate;
  if (b) {
    if (before(b.filedDate, b.decisionDate)) out.push({ path: 'benefitRequest.decisionDate', message: 'is before filedDate: a decision cannot come before the filing; check both dates' });
    if (before(b.filedDate, b.interviewDate)) out.push({ path: 'benefitRequest.interviewDate', message: 'is before filedDate: check both dates' });
    if (b.n336 && before(b.n336.filedDate, b.n336.decisionDate)) out.push({ path: 'benefitRequest.n336.decisionDate', message: 'is before n336.filedDate: check both dates' });
    if (b.n336 && before(b.decisionDate, b.n336.filedDate)) out.push({ path: 'benefitRequest.n336.filedDate', message: 'is before the denial (decisionDate): an N-336 answers a denial; check both dates' });
  }
  const d = f.detention;
  if (d && d.releaseEligibleAt && d.releasedAt && d.releasedAt < d.releaseEligibleAt.slice(0, d.releasedAt.length)) {
    out.push({ path: 'detention.releasedAt', message: 'is before releaseEligibleAt: check both times' });
  }
  return out;
}

export function parseFacts(input: string | unknown): ParseFactsResult {
  let value: unknown = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, problems: [{ path: '', message: `not valid JSON (${(e as Error).message}); the facts must be one JSON object` }] };
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, problems: [{ path: '', message: 'the facts must be one JSON object like {"version": 1, ...}' }] };
  }
  if (!('version' in value)) {
    return { ok: false, problems: [{ path: 'version', message: 'is missing: add "version": 1 (the facts format version)' }] };
  }
  const r = FactsSchema.safeParse(value);
  if (!r.success) {
    return { ok: false, problems: r.error.issues.map((i) => ({ path: formatPath(i.path), message: issueMessage(i) })) };
  }
  const extra = crossChecks(r.data);
  if (extra.length) return { ok: false, problems: extra };
  return { ok: true, facts: r.data };
}

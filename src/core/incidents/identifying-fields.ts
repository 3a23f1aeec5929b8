/**
 * Which fields of an incident report identify people, read from the schema itself (every field marked
 * `.meta({ sensitive: true })` in incident-schema.ts), and the one function that removes them.
 *
 * Paths are written with `[]` for "every item of a list": `officers[].badge`, `witnesses[].statement`.
 * Identifying fields are encrypted at rest, left out of exports unless a role with the right explicitly includes
 * them, and never logged.
 */
import { z } from 'zod';
import { IncidentReportSchema, type IncidentReport } from './incident-schema.ts';

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; items?: JsonSchema; sensitive?: boolean; anyOf?: JsonSchema[] };

function collect(node: JsonSchema, prefix: string, out: string[]): void {
  if (node.sensitive) {
    out.push(prefix);
    return;
  }
  for (const alt of node.anyOf ?? []) collect(alt, prefix, out);
  if (node.properties) {
    for (const [k, v] of Object.entries(node.properties)) collect(v, prefix ? `${prefix}.${k}` : k, out);
  }
  if (node.items) collect(node.items, `${prefix}[]`, out);
}

/** Every identifying field path, in schema order, e.g. ['reporter.name', 'reporter.contact', 'affectedPerson.name', …]. */
export const IDENTIFYING_FIELDS: readonly string[] = (() => {
  const out: string[] = [];
  collect(z.toJSONSchema(IncidentReportSchema, { io: 'input' }) as JsonSchema, '', out);
  return Object.freeze([...new Set(out)]);
})();

function removePath(value: unknown, parts: string[]): void {
  if (value === null || typeof value !== 'object') return;
  const [head, ...rest] = parts;
  if (head === undefined) return;
  if (head.endsWith('[]')) {
    const list = (value as Record<string, unknown>)[head.slice(0, -2)];
    if (!Array.isArray(list)) return;
    if (rest.length === 0) {
      delete (value as Record<string, unknown>)[head.slice(0, -2)];
      return;
    }
    for (const item of list) removePath(item, rest);
    return;
  }
  if (rest.length === 0) {
    delete (value as Record<string, unknown>)[head];
    return;
  }
  removePath((value as Record<string, unknown>)[head], rest);
}

function splitPath(path: string): string[] {
  // 'officers[].badge' → ['officers[]', 'badge']
  return path.split('.');
}

/** Drops empty objects and lists left behind by stripping (e.g. an `affectedPerson` with no fields). */
function pruneEmpty(value: Record<string, unknown>, keys: readonly string[]): void {
  for (const k of keys) {
    const v = value[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) delete value[k];
    if (Array.isArray(v) && v.every((x) => x && typeof x === 'object' && Object.keys(x).length === 0)) delete value[k];
  }
}

/** A copy of the report without any identifying field (the input is not changed). */
export function stripIdentifying<T extends Partial<IncidentReport>>(report: T): T {
  const copy = structuredClone(report) as T;
  for (const path of IDENTIFYING_FIELDS) removePath(copy, splitPath(path));
  pruneEmpty(copy as Record<string, unknown>, ['affectedPerson', 'officers', 'witnesses']);
  return copy;
}

/**
 * Runs one rule-file case (facts → expected element findings, bar results, viability, reason codes) and lists the
 * mismatches. Used by the rule files' tests and by `writ` tooling; pure.
 */
import { parseFacts } from '../facts/parse-facts.ts';
import { analyze } from './analyze.ts';
import type { RuleCase } from './rule-schema.ts';
import type { AnalysisContext, RemedyId, RemedyResult } from './types.ts';

/** Every message code in a remedy result (summary, elements, bars, TRAC, reliefs, warnings), without the namespace. */
export function reasonCodes(r: RemedyResult): Set<string> {
  const all = [
    ...r.summary,
    ...r.elements.flatMap((e) => e.reasons),
    ...r.bars.flatMap((b) => b.reasons),
    ...(r.trac ?? []).flatMap((t) => t.reasons),
    ...r.reliefs.flatMap((x) => x.reasons),
    ...r.warnings,
  ];
  return new Set(all.map((m) => m.code.replace(/^analysis:/, '')));
}

export function runRuleCase(c: RuleCase, remedy: RemedyId, context: AnalysisContext = {}): { result: RemedyResult | null; problems: string[] } {
  const parsed = parseFacts(c.facts);
  if (!parsed.ok) return { result: null, problems: parsed.problems.map((p) => `facts ${p.path}: ${p.message}`) };
  const result = analyze(parsed.facts, context).remedies.find((r) => r.remedy === remedy)!;
  const problems: string[] = [];
  const e = c.expect;
  if (e.viability) {
    const ok = Array.isArray(e.viability) ? e.viability.includes(result.viability) : e.viability === result.viability;
    if (!ok) problems.push(`viability: expected ${JSON.stringify(e.viability)}, got ${result.viability} (${result.summary.map((m) => m.code).join(', ')})`);
  }
  for (const [id, want] of Object.entries(e.elements ?? {})) {
    const got = result.elements.find((x) => x.id === id);
    if (!got) problems.push(`element ${id}: not in ${remedy}`);
    else if (got.finding !== want) problems.push(`element ${id}: expected ${want}, got ${got.finding} (${got.reasons.map((m) => m.code).join(', ')})`);
  }
  for (const [id, want] of Object.entries(e.bars ?? {})) {
    const got = result.bars.find((x) => x.id === id);
    if (!got) problems.push(`bar ${id}: not applied to ${remedy}`);
    else if (got.triggered !== want) problems.push(`bar ${id}: expected ${String(want)}, got ${String(got.triggered)}`);
  }
  for (const [id, want] of Object.entries(e.deadlines ?? {})) {
    const got = result.deadlines.find((d) => d.id === id);
    if (!got) problems.push(`deadline ${id}: missing (have ${result.deadlines.map((d) => d.id).join(', ') || 'none'})`);
    else if (got.due !== want) problems.push(`deadline ${id}: expected ${String(want)}, got ${String(got.due)}`);
  }
  const codes = reasonCodes(result);
  for (const code of e.reasons ?? []) if (!codes.has(code)) problems.push(`reason ${code} missing (have: ${[...codes].join(', ')})`);
  return { result, problems };
}

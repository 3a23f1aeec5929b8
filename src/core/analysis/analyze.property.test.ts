// Property test: for any facts the schema accepts (generated from the facts JSON Schema), the engine never throws,
// gives every remedy a valid viability with its reasons, and every message it emits has English and Spanish text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { factsJsonSchema } from '../facts/facts-json-schema.ts';
import { parseFacts } from '../facts/parse-facts.ts';
import { analyze } from './analyze.ts';
import { REMEDY_IDS } from './types.ts';
import { t } from '../../i18n/i18n.ts';

type Json = Record<string, any>;

const isoDate = fc
  .record({ y: fc.integer({ min: 1995, max: 2030 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const isoDateTime = fc
  .tuple(isoDate, fc.integer({ min: 0, max: 23 }), fc.constantFrom('', '-05:00', '-08:00', 'Z'))
  .map(([d, h, off]) => `${d}T${String(h).padStart(2, '0')}:00${off}`);

/** An arbitrary for a JSON Schema node of the facts schema (the shapes zod emits for it). */
function arb(s: Json): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  if (s.type === 'object') {
    const props: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [k, v] of Object.entries(s.properties ?? {})) props[k] = arb(v as Json);
    return fc.record(props, { requiredKeys: (s.required ?? []) as string[] });
  }
  if (s.type === 'array') return fc.array(arb(s.items as Json), { maxLength: 3 });
  if (s.type === 'integer' || s.type === 'number') return fc.integer({ min: s.minimum ?? 0, max: Math.min(s.maximum ?? 400, 2100) });
  if (s.format === 'date') return isoDate;
  if (s.format === 'date-time') return isoDateTime;
  if (typeof s.pattern === 'string' && s.pattern.includes('T(')) return isoDateTime;
  if (s.pattern) {
    // the few patterned strings: state codes, ZIP, court ids, A-numbers, receipt numbers
    if (String(s.pattern).includes('[A-Z]{2}')) return fc.constantFrom('CA', 'TX', 'NY', 'FL', 'IL', 'GA', 'OR', 'OH', 'PA', 'NJ', 'ZZ');
    if (String(s.pattern).includes('\\d{5}')) return fc.constantFrom('94612', '10001', '78701');
    if (String(s.pattern).includes('[a-z]{2,5}')) return fc.constantFrom('cand', 'nysd', 'txsd', 'zzzz');
    if (String(s.pattern).includes('[A-Z]{3}')) return fc.constant('EAC2190012345');
    return fc.constant('A123456789');
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: 12 });
}

/** Puts generated date pairs in order, so most samples pass parseFacts' cross-field checks. */
function orderDates(v: unknown): unknown {
  const f = v as Json;
  const order = (o: Json | undefined, a: string, b: string) => {
    if (o && typeof o[a] === 'string' && typeof o[b] === 'string' && o[a] > o[b]) [o[a], o[b]] = [o[b], o[a]];
  };
  const b = f.benefitRequest as Json | undefined;
  order(b, 'filedDate', 'interviewDate');
  order(b, 'filedDate', 'decisionDate');
  if (b?.n336) {
    order(b.n336, 'filedDate', 'decisionDate');
    if (typeof b.decisionDate === 'string' && typeof b.n336.filedDate === 'string' && b.decisionDate > b.n336.filedDate) b.n336.filedDate = b.decisionDate;
    order(b.n336, 'filedDate', 'decisionDate');
  }
  const d = f.detention as Json | undefined;
  if (d && typeof d.releaseEligibleAt === 'string' && typeof d.releasedAt === 'string') d.releasedAt = d.releaseEligibleAt;
  return f;
}

test('any valid facts: analyze never throws, gives valid results, and every message has en/es text', () => {
  const facts = arb(factsJsonSchema() as Json).map(orderDates);
  const seen = new Set<string>();
  let analysed = 0;
  fc.assert(
    fc.property(facts, (value) => {
      const parsed = parseFacts(value);
      if (!parsed.ok) return; // cross-field checks (dates out of order) reject some: that is a problem list, not a crash
      const a = analyze(parsed.facts, { today: '2026-06-15' });
      analysed++;
      assert.deepEqual(a.remedies.map((r) => r.remedy), [...REMEDY_IDS]);
      for (const r of a.remedies) {
        assert.ok(['viable', 'weak', 'barred', 'unknown'].includes(r.viability));
        assert.ok(r.elements.length > 0);
        if (r.viability !== 'viable') assert.ok(r.summary.length > 0, `${r.remedy} ${r.viability} without a reason`);
        for (const m of [...r.summary, ...r.warnings, ...r.questions.map((q) => q.message)]) seen.add(m.code);
      }
      assert.ok(a.notices.some((n) => n.code === 'common:notLegalAdvice'));
    }),
    { numRuns: 300, seed: 20261123 },
  );
  assert.ok(analysed > 150, `only ${analysed} of 300 generated fact sets were valid`);
  for (const code of seen) for (const lang of ['en', 'es'] as const) assert.notEqual(t(lang, code), code, `${lang} lacks ${code}`);
});

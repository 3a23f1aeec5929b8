import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { analyze, combineViability } from './analyze.ts';
import { ELEMENT_EVALUATORS, BAR_EVALUATORS } from './evaluators/index.ts';
import { BAR_RULES, REMEDY_RULES } from './rules.ts';
import { BAR_IDS, REMEDY_IDS, type BarResult, type ElementResult } from './types.ts';
import { parseFacts } from '../facts/parse-facts.ts';
import { t } from '../../i18n/i18n.ts';
import type { Facts } from '../facts/facts-schema.ts';

test('every element in the rule data has an evaluator, and every evaluator has an element', () => {
  const inData = new Set(REMEDY_RULES.flatMap((r) => r.elements.map((e) => e.id)));
  assert.deepEqual([...inData].filter((id) => !ELEMENT_EVALUATORS[id]), []);
  assert.deepEqual(Object.keys(ELEMENT_EVALUATORS).filter((id) => !inData.has(id)), []);
});

test('every remedy and bar of the spec has one rule file and an evaluator; element ids are unique', () => {
  assert.deepEqual(REMEDY_RULES.map((r) => r.id).sort(), [...REMEDY_IDS].sort());
  assert.deepEqual(BAR_RULES.map((b) => b.id).sort(), [...BAR_IDS].sort());
  for (const id of BAR_IDS) assert.equal(typeof BAR_EVALUATORS[id], 'function', id);
  const ids = REMEDY_RULES.flatMap((r) => r.elements.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length);
  // every bar is applied by at least one remedy
  const applied = new Set(REMEDY_RULES.flatMap((r) => r.bars.map((b) => b.id)));
  assert.deepEqual(BAR_IDS.filter((b) => !applied.has(b)), []);
});

test('every citation names its spec section and a source; labels exist in English and Spanish', () => {
  const all = [
    ...REMEDY_RULES.flatMap((r) => [...r.elements.flatMap((e) => e.citations), ...r.exceptions.flatMap((x) => x.citations)]),
    ...BAR_RULES.flatMap((b) => b.citations),
  ];
  assert.ok(all.length > 50);
  for (const c of all) {
    assert.match(c.spec, /^§ \d/);
    assert.ok(c.cite.length > 3 && c.title.length > 3);
  }
  for (const r of REMEDY_RULES) for (const e of r.elements) assert.ok(e.label.en && e.label.es && e.label.en !== e.label.es, e.id);
});

const el = (id: string, finding: ElementResult['finding']): ElementResult => ({ id, label: { en: id, es: id }, finding, reasons: [], citations: [], facts: [] });
const bar = (triggered: BarResult['triggered'], effect: BarResult['effect'], scope: BarResult['scope'] = 'remedy'): BarResult => ({
  id: 'MOOT',
  label: { en: '', es: '' },
  triggered,
  scope,
  effect,
  reasons: [],
  citations: [],
  facts: [],
});

test('the combination rule: barred beats weak beats unknown beats viable; relief-scope bars do not decide the remedy', () => {
  const effects = new Map<string, 'barred' | 'weak'>([['A', 'barred'], ['B', 'weak']]);
  assert.equal(combineViability([el('A', 'met'), el('B', 'met')], effects, []).viability, 'viable');
  assert.equal(combineViability([el('A', 'unknown'), el('B', 'met')], effects, []).viability, 'unknown');
  assert.equal(combineViability([el('A', 'unknown'), el('B', 'not_met')], effects, []).viability, 'weak');
  assert.equal(combineViability([el('A', 'not_met'), el('B', 'not_met')], effects, []).viability, 'barred');
  assert.equal(combineViability([el('A', 'met')], effects, [bar(true, 'barred')]).viability, 'barred');
  assert.equal(combineViability([el('A', 'met')], effects, [bar(true, 'weak')]).viability, 'weak');
  assert.equal(combineViability([el('A', 'met')], effects, [bar('unknown', 'barred')]).viability, 'unknown');
  assert.equal(combineViability([el('A', 'met')], effects, [bar(true, 'barred', 'relief')]).viability, 'viable');
  const d = combineViability([el('A', 'met'), el('B', 'not_met')], effects, []);
  assert.deepEqual(d.decidedBy.map((x) => x.id), ['B']);
});

function allFacts(): Facts[] {
  const dir = new URL('../../../examples/facts/', import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const facts = files.map((f) => readFileSync(new URL(f, dir), 'utf8'));
  const cases = [...REMEDY_RULES.flatMap((r) => r.cases), ...BAR_RULES.flatMap((b) => b.cases)].map((c) => c.facts);
  return [...facts, ...cases, { version: 1 }].map((x) => {
    const p = parseFacts(x);
    assert.ok(p.ok);
    return p.facts;
  });
}

test('every message the engine emits over all examples and rule cases has English and Spanish text', () => {
  const codes = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.code === 'string') codes.add(o.code);
      Object.values(o).forEach(walk);
    }
  };
  for (const f of allFacts()) walk(analyze(f, { today: '2026-06-15' }));
  assert.ok(codes.size > 100, `only ${codes.size} codes seen`);
  for (const code of codes) {
    for (const lang of ['en', 'es'] as const) assert.notEqual(t(lang, code), code, `${lang} lacks ${code}`);
  }
  // and every flag a rule file names has text
  for (const r of [...REMEDY_RULES, ...BAR_RULES]) {
    const flags = [...r.flags, ...('elements' in r ? r.elements.flatMap((e) => e.flags) : [])];
    for (const f of flags) assert.notEqual(t('en', `analysis:flag.${f.id}`), `analysis:flag.${f.id}`, f.id);
  }
});

test('the engine is pure: the input is not changed and the same facts give the same analysis', () => {
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object') {
      Object.values(o).forEach(deepFreeze);
      Object.freeze(o);
    }
    return o;
  };
  for (const f of allFacts().slice(0, 23)) {
    const frozen = deepFreeze(structuredClone(f));
    const a = analyze(frozen, { today: '2026-06-15' });
    const b = analyze(frozen, { today: '2026-06-15' });
    assert.deepEqual(a, b);
  }
  // src/core/analysis imports no file-system, network or process modules
  const dir = new URL('./', import.meta.url);
  const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  for (const f of files) assert.doesNotMatch(readFileSync(new URL(f, dir), 'utf8'), /from 'node:(fs|net|http|child_process|process)/, f);
});

test('missing facts give unknown with questions, never a guess', () => {
  const a = analyze({ version: 1 }, { today: '2026-06-15' });
  for (const r of a.remedies) assert.equal(r.viability, 'unknown', r.remedy);
  const m = a.remedies.find((r) => r.remedy === 'MANDAMUS_1361')!;
  assert.ok(m.questions.some((q) => q.path === 'benefitRequest.form'));
  assert.equal(a.analysisDate, '2026-06-15');
  assert.equal(a.factsVersion, 1);
  assert.deepEqual(a.notices, [{ code: 'common:notLegalAdvice' }]);
});

test('sensitive facts (name, A-number, narrative) never appear in the analysis', () => {
  const p = parseFacts({
    version: 1,
    analysisDate: '2026-06-15',
    person: { name: 'Zyxwv Sensitive', aNumber: 'A123456789', birthDate: '1980-02-03', custody: 'detained' },
    harms: { narrative: 'Qqqq private story' },
    detention: { custodianType: 'ice_facility', facility: { state: 'NY' }, statuteCited: '1231a' },
  });
  assert.ok(p.ok);
  const text = JSON.stringify(analyze(p.facts));
  for (const s of ['Zyxwv', 'A123456789', '1980-02-03', 'Qqqq']) assert.ok(!text.includes(s), s);
});

test('every flag an evaluator raises is declared, with the spec reason, in a rule file', () => {
  const declared = new Set([...REMEDY_RULES, ...BAR_RULES].flatMap((r) => [...r.flags, ...('elements' in r ? r.elements.flatMap((e) => e.flags) : [])]).map((f) => f.id));
  const dir = new URL('./', import.meta.url);
  const raised = new Set<string>();
  for (const f of readdirSync(dir, { recursive: true }).map(String).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
    for (const m of readFileSync(new URL(f, dir), 'utf8').matchAll(/msg\('flag\.(\w+)'/g)) raised.add(m[1]!);
  }
  assert.ok(raised.size >= 8);
  assert.deepEqual([...raised].filter((id) => !declared.has(id)), []);
});

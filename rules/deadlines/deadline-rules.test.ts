/**
 * Tests over the deadline rule files themselves, and the copy of their texts in the `deadlines` locale files.
 * `FIX_JSON=1 node scripts/run-tests.mjs rules/deadlines` rewrites the locale copy from the rule files.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allDeadlineRules, FLAG_KINDS, type DeadlineRule } from '../../src/core/deadlines/deadline-rule.ts';
import { DOCKET_EVENT_KINDS } from '../../src/core/deadlines/docket-event-kinds.ts';
import { isIsoDate } from '../../src/core/deadlines/calendar-date.ts';

const here = fileURLToPath(new URL('.', import.meta.url));
const localeFile = (lang: 'en' | 'es') => fileURLToPath(new URL(`../../src/i18n/locales/${lang}/deadlines.json`, import.meta.url));

function localeTexts(rules: DeadlineRule[], lang: 'en' | 'es'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of rules) {
    const entry: Record<string, unknown> = { label: r.label[lang], trigger: r.trigger.label[lang] };
    if (r.note) entry.note = r.note[lang];
    const flags = Object.fromEntries(FLAG_KINDS.filter((f) => r.flags[f]).map((f) => [f, r.flags[f]![lang]]));
    if (Object.keys(flags).length) entry.flags = flags;
    const periods = Object.fromEntries(r.periods.filter((p) => p.label).map((p) => [p.id, p.label![lang]]));
    if (Object.keys(periods).length) entry.periods = periods;
    out[r.id] = entry;
  }
  return out;
}

test('every rule file is valid, its id is its file name, and every file is registered', () => {
  const rules = allDeadlineRules(); // throws on an invalid file
  const files = readdirSync(here).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
  assert.deepEqual(rules.map((r) => r.id).sort(), files);
  assert.equal(new Set(rules.map((r) => r.id)).size, rules.length, 'rule ids are unique');
});

test('every citation has a cite, an http(s) URL from the spec (or null), a real verified_on date or null, and a spec section', () => {
  for (const r of allDeadlineRules()) {
    assert.ok(r.citations.some((c) => c.url !== null), `${r.id}: at least one citation links its source`);
    for (const c of r.citations) {
      if (c.url !== null) assert.match(c.url, /^https?:\/\//, `${r.id}: ${c.cite}`);
      if (c.verified_on !== null) assert.ok(isIsoDate(c.verified_on), `${r.id}: ${c.cite} verified_on`);
      assert.match(c.spec, /^§ \d/);
    }
  }
});

test('every docket-event kind starts at least one rule', () => {
  const used = new Set(allDeadlineRules().map((r) => r.trigger.event));
  assert.deepEqual(DOCKET_EVENT_KINDS.filter((k) => !used.has(k)), []);
});

test('the SPEC § 5.5 periods are the ones in the data (the numbers cannot drift silently)', () => {
  const p = (id: string) => allDeadlineRules().find((r) => r.id === id)!.periods.map((x) => `${x.amount} ${x.unit}`);
  assert.deepEqual(p('frcp-4m'), ['90 days']);
  assert.deepEqual(p('frcp-12a2'), ['60 days']);
  assert.deepEqual(p('habeas-2243-return'), ['3 days']);
  assert.deepEqual(p('habeas-2243-return-extended'), ['20 days']);
  assert.deepEqual(p('habeas-2243-hearing'), ['5 days']);
  assert.deepEqual(p('natz-1447b'), ['120 days']);
  assert.deepEqual(p('n336'), ['30 days']);
  assert.equal(allDeadlineRules().find((r) => r.id === 'n336')!.periods[0]!.mailedAmount, 33);
  assert.deepEqual(p('natz-1421c'), ['120 days']);
  assert.deepEqual(p('ftca-presentment'), ['2 years']);
  assert.deepEqual(p('ftca-suit'), ['6 months']);
  assert.deepEqual(p('eaja'), ['60 days', '30 days']);
  assert.deepEqual(p('detainer-287-7d'), ['48 hours']);
  // FRCP 12(a)(1)(B), from the rule text the spec's § 5 sources name (ctiblier/federal-rules, rule-12/current.md).
  assert.deepEqual(p('frcp-12a1b'), ['21 days']);
});

test('FRCP 6(d) is marked only on a rule that runs from service of a paper under Rule 5(b), never on Rule 4 service', () => {
  const marked = allDeadlineRules().filter((r) => r.serviceUnderRule5b).map((r) => r.id);
  assert.deepEqual(marked, ['frcp-12a1b']);
});

test('rule texts in the deadlines locale files match the rule files (FIX_JSON=1 rewrites them)', () => {
  const rules = allDeadlineRules();
  for (const lang of ['en', 'es'] as const) {
    const path = localeFile(lang);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    const expected = localeTexts(rules, lang);
    if (process.env.FIX_JSON === '1') {
      json.rules = expected;
      writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
      continue;
    }
    assert.deepEqual(json.rules, expected, `${lang}/deadlines.json "rules" is out of date: run FIX_JSON=1 node scripts/run-tests.mjs rules/deadlines`);
  }
});

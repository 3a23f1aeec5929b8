import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFacts } from './parse-facts.ts';
import { factsJsonSchema } from './facts-json-schema.ts';

test('a minimal facts object (only the version) is valid: everything else may be unknown', () => {
  const r = parseFacts('{"version": 1}');
  assert.equal(r.ok, true);
});

test('bad JSON is a problem, not a crash', () => {
  const r = parseFacts('{"version": 1,');
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.problems[0]!.path, '');
    assert.match(r.problems[0]!.message, /not valid JSON/);
  }
});

test('a non-object and a missing version are explained', () => {
  const a = parseFacts('[1,2]');
  assert.equal(a.ok, false);
  const b = parseFacts({ person: {} });
  assert.deepEqual(b, { ok: false, problems: [{ path: 'version', message: 'is missing: add "version": 1 (the facts format version)' }] });
  const c = parseFacts({ version: 2 });
  assert.equal(c.ok, false);
  if (!c.ok) assert.match(c.problems[0]!.message, /must be 1/);
});

test('every problem has a path and says what is wrong', () => {
  const r = parseFacts({
    version: 1,
    person: { custody: 'jailed', residence: { state: 'ca' } },
    benefitRequest: { filedDate: '2020-13-01', form: 'N-400' },
    enforcement: { actions: ['street_arrest', 'dance'] },
    colour: 'blue',
  });
  assert.equal(r.ok, false);
  if (r.ok) return;
  const byPath = Object.fromEntries(r.problems.map((p) => [p.path, p.message]));
  assert.match(byPath['person.custody']!, /must be one of "not_detained"/);
  assert.match(byPath['person.residence.state']!, /two-letter state code/);
  assert.match(byPath['benefitRequest.filedDate']!, /YYYY-MM-DD/);
  assert.match(byPath['enforcement.actions[1]']!, /must be one of/);
  assert.match(byPath['']!, /unknown field "colour"/);
});

test('dates out of order are reported', () => {
  const r = parseFacts({ version: 1, benefitRequest: { filedDate: '2024-05-01', decisionDate: '2023-01-01' } });
  assert.equal(r.ok, false);
  if (!r.ok) assert.equal(r.problems[0]!.path, 'benefitRequest.decisionDate');
});

test('sensitive values never appear in problem messages', () => {
  const r = parseFacts({ version: 1, person: { aNumber: 'A12-SECRET-99', name: '' } });
  assert.equal(r.ok, false);
  if (!r.ok) for (const p of r.problems) assert.doesNotMatch(p.message, /SECRET/);
});

test('the JSON Schema describes every field (docs/facts.md is generated from the same descriptions)', () => {
  const missing: string[] = [];
  const walk = (s: any, path: string) => {
    if (!s || typeof s !== 'object') return;
    if (path && !s.description) missing.push(path);
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, path ? `${path}.${k}` : k);
    if (s.items && s.items.properties) walk(s.items, `${path}[]`);
  };
  walk(factsJsonSchema(), '');
  assert.deepEqual(missing, []);
});

test('date-times: local minutes, or with an offset (with or without seconds); nonsense is a problem', () => {
  for (const v of ['2026-03-05T17:00', '2026-03-05T17:00-08:00', '2026-03-05T17:00:00Z', '2026-03-05T17:00:30.5+01:00']) {
    assert.equal(parseFacts({ version: 1, detention: { releaseEligibleAt: v } }).ok, true, v);
  }
  for (const v of ['2026-03-05', '2026-02-30T10:00', '2026-03-05T25:00', 'Thursday 5pm']) {
    const r = parseFacts({ version: 1, detention: { releaseEligibleAt: v } });
    assert.equal(r.ok, false, v);
    if (!r.ok) assert.equal(r.problems[0]!.path, 'detention.releaseEligibleAt');
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { factsJsonSchema } from '../../core/facts/index.ts';
import { fieldSpec } from './field-spec.ts';
import { engineQuestions, planQuestions, progress } from './plan-questions.ts';
import { START_CHOICES } from './start-choices.ts';

const schema = factsJsonSchema();
const askable = (p: string) => fieldSpec(schema, p) !== null;

test('asks the start choice facts first, then the engine questions, each once, skipping answered and skipped ones', () => {
  const analysis = {
    remedies: [
      { questions: [{ path: 'detention.startDate', message: { code: 'a:x' } }, { path: 'detention.bond.result', message: { code: 'a:y' } }] },
      { questions: [{ path: 'detention.bond.result', message: { code: 'a:z' } }, { path: 'removal.proceedings', message: { code: 'a:w' } }] },
    ],
  };
  const plan = planQuestions({
    askFirst: ['detention.facility.name', 'detention.startDate'],
    engine: engineQuestions(analysis),
    facts: { version: 1, detention: { facility: { name: 'Stewart' } } },
    skipped: new Set(['removal.proceedings']),
    askable,
  });
  assert.deepEqual(plan.map((q) => q.path), ['detention.startDate', 'detention.bond.result']);
  assert.deepEqual(plan[0]!.why, { code: 'a:x' });
  assert.deepEqual(plan[1]!.why, { code: 'a:y' }, 'the first remedy that asked gives the reason');
});

test('drops paths the facts schema does not have (nothing to render)', () => {
  const plan = planQuestions({ askFirst: ['nope.nothing'], engine: [], facts: { version: 1 }, skipped: new Set(), askable });
  assert.deepEqual(plan, []);
});

test('every start choice only states facts and asks fields the facts schema has', () => {
  for (const c of START_CHOICES) {
    for (const p of c.askFirst) assert.ok(askable(p), `${c.id}: ${p} is not a facts field`);
  }
});

test('progress counts answered against the whole', () => {
  assert.deepEqual(progress(3, 1), { answered: 3, total: 4, percent: 75 });
  assert.deepEqual(progress(0, 0), { answered: 0, total: 0, percent: 100 });
});

test('every start choice records facts that the facts format accepts', async () => {
  const { parseFacts } = await import('../../core/facts/index.ts');
  for (const c of START_CHOICES) {
    const r = parseFacts({ version: 1, ...c.facts });
    assert.ok(r.ok, `${c.id}: ${JSON.stringify(r)}`);
  }
});

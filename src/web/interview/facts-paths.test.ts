import { test } from 'node:test';
import assert from 'node:assert/strict';
import { answeredPaths, getAt, mergeFacts, setAt } from './facts-paths.ts';

test('getAt reads nested answers and answers undefined for missing or non-object steps', () => {
  const f = { version: 1, detention: { facility: { name: 'Stewart' } }, enforcement: { actions: ['traffic_stop'] } };
  assert.equal(getAt(f, 'detention.facility.name'), 'Stewart');
  assert.deepEqual(getAt(f, 'enforcement.actions'), ['traffic_stop']);
  assert.equal(getAt(f, 'detention.bond.result'), undefined);
  assert.equal(getAt(f, 'detention.facility.name.x'), undefined);
});

test('setAt writes without mutating and creates the objects on the way', () => {
  const f = { version: 1 };
  const g = setAt(f, 'detention.facility.name', 'Stewart');
  assert.deepEqual(f, { version: 1 });
  assert.deepEqual(g, { version: 1, detention: { facility: { name: 'Stewart' } } });
});

test('setAt with undefined removes the answer and prunes emptied objects', () => {
  const f = { version: 1, detention: { facility: { name: 'Stewart' }, startDate: '2026-01-01' } };
  assert.deepEqual(setAt(f, 'detention.facility.name', undefined), { version: 1, detention: { startDate: '2026-01-01' } });
  assert.deepEqual(setAt(setAt(f, 'detention.facility.name', undefined), 'detention.startDate', undefined), { version: 1 });
});

test('answeredPaths lists leaves in order and mergeFacts applies a patch deeply', () => {
  const f = { version: 1, person: { custody: 'detained' }, enforcement: { actions: ['a'] } };
  assert.deepEqual(answeredPaths(f), [
    ['version', 1],
    ['person.custody', 'detained'],
    ['enforcement.actions', ['a']],
  ]);
  assert.deepEqual(mergeFacts(f, { person: { citizenship: 'lpr' } }), {
    version: 1,
    person: { custody: 'detained', citizenship: 'lpr' },
    enforcement: { actions: ['a'] },
  });
});

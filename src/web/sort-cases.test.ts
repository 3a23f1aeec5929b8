import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextDeadline, sortForDashboard } from './sort-cases.ts';

test('nextDeadline is the soonest open deadline not yet passed', () => {
  const d = [
    { dueDate: '2026-01-10', status: 'open' },
    { dueDate: '2026-01-05', status: 'open' },
    { dueDate: '2026-01-03', status: 'met' },
    { dueDate: '2025-12-30', status: 'open' },
  ];
  assert.deepEqual(nextDeadline(d, '2026-01-01'), { dueDate: '2026-01-05', status: 'open' });
  assert.equal(nextDeadline(d, '2026-02-01'), null);
});

test('cases with upcoming deadlines come first, soonest first; the rest by last change', () => {
  const cases = [
    { id: 'a', updatedAt: '2026-01-09T00:00:00Z', next: null },
    { id: 'b', updatedAt: '2026-01-01T00:00:00Z', next: { dueDate: '2026-03-01' } },
    { id: 'c', updatedAt: '2026-01-10T00:00:00Z', next: null },
    { id: 'd', updatedAt: '2026-01-02T00:00:00Z', next: { dueDate: '2026-02-01' } },
  ];
  assert.deepEqual(sortForDashboard(cases).map((c) => c.id), ['d', 'b', 'c', 'a']);
});

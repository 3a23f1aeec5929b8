import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, monthGrid } from './month-grid.ts';

test('January 2026 starts on a Thursday and has 5 weeks', () => {
  const g = monthGrid(2026, 1);
  assert.equal(g.length, 5);
  assert.deepEqual(g[0], [null, null, null, null, '2026-01-01', '2026-01-02', '2026-01-03']);
  assert.equal(g[4]![6], '2026-01-31');
});

test('February 2028 (leap year) ends on the 29th; every week has 7 cells', () => {
  const g = monthGrid(2028, 2);
  assert.ok(g.flat().includes('2028-02-29'));
  assert.ok(!g.flat().includes('2028-02-30'));
  assert.ok(g.every((w) => w.length === 7));
});

test('addMonths crosses years both ways', () => {
  assert.deepEqual(addMonths(2026, 12, 1), { year: 2027, month: 1 });
  assert.deepEqual(addMonths(2026, 1, -1), { year: 2025, month: 12 });
});

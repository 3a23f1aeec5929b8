import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deadlinesForDocketEvent, rulesStartedBy } from './docket-events.ts';
import { DOCKET_EVENT_KINDS } from './docket-event-kinds.ts';
import { DeadlineInputError } from './errors.ts';

const ids = (kind: string, date: string, extra = {}) => deadlinesForDocketEvent({ kind, date, ...extra }).map((d) => `${d.ruleId} ${d.dueDate}`);

test('docket events start their deadlines', () => {
  assert.deepEqual(ids('complaint-filed', '2026-03-02'), ['frcp-4m 2026-06-01']);
  assert.deepEqual(ids('usao-served', '2026-06-01'), ['frcp-12a2 2026-07-31']);
  assert.deepEqual(ids('final-judgment', '2026-08-03'), ['eaja 2026-11-02']);
  assert.deepEqual(ids('n336-decision', '2026-01-15'), ['natz-1421c 2026-05-15']);
  assert.deepEqual(ids('n400-interview', '2025-09-10'), ['natz-1447b 2026-01-08']);
  assert.deepEqual(ids('n400-denied', '2026-01-20', { mailed: true }), ['n336 2026-02-23']);
  assert.deepEqual(ids('habeas-order-served', '2026-10-15').sort(), ['habeas-2243-return 2026-10-19', 'habeas-2243-return-extended 2026-11-04']);
  assert.deepEqual(ids('detainer-release-eligible', '2026-10-15T17:00', { timeZone: 'America/Chicago' }), ['detainer-287-7d 2026-10-19']);
});

test('every event kind maps to at least one rule', () => {
  for (const k of DOCKET_EVENT_KINDS) assert.ok(rulesStartedBy(k).length > 0, k);
});

test('an unknown event kind is a coded error listing the valid kinds', () => {
  assert.throws(() => deadlinesForDocketEvent({ kind: 'lunch', date: '2026-03-02' }), (e: unknown) => {
    assert.ok(e instanceof DeadlineInputError);
    assert.equal(e.problem.code, 'deadlines:errors.unknownEventKind');
    assert.match(String(e.problem.params!.valid), /complaint-filed/);
    return true;
  });
});

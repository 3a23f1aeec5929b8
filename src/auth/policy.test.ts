import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ACTIONS, POLICY, ROLES, can } from './policy.ts';

test('admin may take every action', () => {
  for (const a of ACTIONS) assert.equal(can('admin', a), true, a);
});

test('only admins manage users and read the audit log', () => {
  for (const role of ROLES.filter((r) => r !== 'admin')) {
    assert.equal(can(role, 'user.manage'), false, role);
    assert.equal(can(role, 'audit.read'), false, role);
  }
});

test('advocates record cases and evidence but do not generate packets or read evidence files back', () => {
  assert.equal(can('advocate', 'case.create'), true);
  assert.equal(can('advocate', 'evidence.upload'), true);
  assert.equal(can('advocate', 'packet.generate'), false);
  assert.equal(can('advocate', 'evidence.download'), false);
  assert.equal(can('advocate', 'custody.read'), false);
  assert.equal(can('paralegal', 'evidence.download'), true);
});

test('an unknown role may do nothing', () => {
  for (const a of ACTIONS) {
    assert.equal(can('superuser', a), false);
    assert.equal(can('', a), false);
  }
});

test('every action lists only known roles', () => {
  for (const roles of Object.values(POLICY)) for (const r of roles) assert.ok((ROLES as readonly string[]).includes(r));
});

test('legal staff run batch packets and read jobs; only admins import 287(g) sheets; advocates do neither', () => {
  for (const role of ['admin', 'attorney', 'paralegal'] as const) {
    assert.equal(can(role, 'batch.create'), true, role);
    assert.equal(can(role, 'job.read'), true, role);
  }
  assert.equal(can('advocate', 'batch.create'), false);
  assert.equal(can('advocate', 'job.read'), false);
  assert.equal(can('admin', 'reference.import'), true);
  for (const role of ['attorney', 'paralegal', 'advocate'] as const) assert.equal(can(role, 'reference.import'), false, role);
});

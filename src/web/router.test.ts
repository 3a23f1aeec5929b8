import { test } from 'node:test';
import assert from 'node:assert/strict';
import { casePath, matchRoute } from './router.tsx';

test('matches every screen and refuses the rest', () => {
  assert.deepEqual(matchRoute('/'), { name: 'dashboard' });
  assert.deepEqual(matchRoute('/sign-in'), { name: 'signIn' });
  assert.deepEqual(matchRoute('/cases/new'), { name: 'newCase' });
  assert.deepEqual(matchRoute('/287g/'), { name: 'program287g' });
  assert.deepEqual(matchRoute('/jobs'), { name: 'jobs' });
  assert.deepEqual(matchRoute('/jobs/'), { name: 'jobs' });
  assert.deepEqual(matchRoute('/jobs/123'), { name: 'notFound' });
  const id = '0b6f1c2e-7a51-4f6e-9d6a-2f3c4b5a6d7e';
  for (const s of ['interview', 'analysis', 'packet', 'deadlines', 'evidence', 'history'] as const) {
    assert.deepEqual(matchRoute(casePath(id, s)), { name: s, caseId: id });
  }
  assert.deepEqual(matchRoute(`/cases/${id}/nope`), { name: 'notFound' });
  assert.deepEqual(matchRoute('/cases/../etc/analysis'), { name: 'notFound' });
  assert.deepEqual(matchRoute('/api/cases'), { name: 'notFound' });
});

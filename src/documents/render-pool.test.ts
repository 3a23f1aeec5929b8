import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRenderPool } from './render-pool.ts';
import { buildPacket } from './build-packet.ts';
import { FIXTURE_ANALYSES } from '../../test/golden/fixture-analysis.ts';

test('a packet rendered on the worker pool has the same PDF bytes as one rendered in this thread', async () => {
  const pool = createRenderPool(2);
  try {
    const facts = { version: 1 as const, person: { name: 'Jane Roe' } };
    const a = await buildPacket({ facts, analysis: FIXTURE_ANALYSES.F9!, options: { formats: ['pdf'] } });
    const b = await buildPacket({ facts, analysis: FIXTURE_ANALYSES.F9!, options: { formats: ['pdf'], renderer: pool } });
    assert.deepEqual(b.manifest.files.map((f) => f.sha256), a.manifest.files.map((f) => f.sha256));
  } finally {
    await pool.close();
  }
});

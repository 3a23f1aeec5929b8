// The incident-report store suite on the embedded database (PGlite in a temporary data directory). After the suite,
// before the directory is removed: no report's identifying text (the sample narrative, names) is in any file of it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openStore, storeInternals } from './index.ts';
import { countStale, rotateKeys } from './rotate-keys.ts';
import { writeBackup } from './backup.ts';
import { loadReference } from '../data/load-reference.ts';
import { sampleReport } from '../core/incidents/sample-report.ts';
import { incidentSuite } from './incidents.case-test.ts';

const NEEDLES = ['made-up narrative', 'Test Witness', 'SYNTHETIC Officer', 'SYNTHETIC St'].map((s) => Buffer.from(s, 'utf8'));

let dir = '';
incidentSuite('PGlite', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'writ-incidents-'));
    return openStore({ dataDir: dir, envKey: randomBytes(32).toString('base64'), env: {} });
  },
  async cleanup() {
    try {
      const hits: string[] = [];
      for (const rel of readdirSync(dir, { recursive: true })) {
        const p = join(dir, String(rel));
        if (!statSync(p).isFile()) continue;
        const bytes = readFileSync(p);
        if (NEEDLES.some((n) => bytes.includes(n))) hits.push(rel.toString());
      }
      assert.deepEqual(hits, [], 'identifying text of incident reports found in plaintext in the data directory');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});

test('key rotation re-encrypts incident reports, and backups include them', async () => {
  const d = mkdtempSync(join(tmpdir(), 'writ-incidents-keys-'));
  const keyFile = join(d, 'keys.json');
  const store = await openStore({ dataDir: join(d, 'data'), keyFile, env: {} });
  try {
    const org = await store.orgs.create({ name: 'Net' });
    const user = await store.users.create({ orgId: org.id, email: 'k@net.example', displayName: 'K', role: 'admin', passwordHash: 'x' });
    const actor = { userId: user.id, orgId: org.id, role: 'admin' as const };
    const r = await store.incidents.submit(actor, { report: sampleReport(), reference: loadReference({ shippedOnly: true }), now: new Date('2025-08-01T00:00:00Z') });
    assert.ok(r.ok);
    if (!r.ok) return;
    const internals = storeInternals(store);
    const rotated = await rotateKeys(internals.ctx, keyFile);
    assert.equal(rotated.reencrypted.incident_reports, 1);
    assert.equal(await countStale(internals.ctx, internals.ctx.ring), 0);
    assert.equal((await store.incidents.get(actor, r.record.id)).body.narrative, 'A made-up narrative for tests.');
    const backup = await writeBackup(internals.ctx.db, internals.ctx.ring, join(d, 'b.writbak'));
    assert.equal(backup.counts.incident_reports, 1);
  } finally {
    await store.close();
    rmSync(d, { recursive: true, force: true });
  }
});

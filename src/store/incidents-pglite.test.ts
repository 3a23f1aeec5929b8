// The incident-report store suite on the embedded database (PGlite in a temporary data directory). After the suite,
// before the directory is removed: no report's identifying text (the sample narrative, names) is in any file of it.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import assert from 'node:assert/strict';
import { openStore } from './index.ts';
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

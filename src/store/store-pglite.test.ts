// The shared store suite on the embedded database (PGlite in a temporary data directory).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { openStore } from './index.ts';
import { EVIDENCE_LIMIT, storeSuite } from './store.case-test.ts';
import { pgliteTemplate } from './testing/pglite-template.ts';

let dir = '';
storeSuite('PGlite', {
  async open() {
    dir = mkdtempSync(join(tmpdir(), 'writ-store-'));
    return openStore({ dataDir: dir, pgliteTemplate: await pgliteTemplate(), envKey: randomBytes(32).toString('base64'), evidenceMaxBytes: EVIDENCE_LIMIT, env: {} });
  },
  async cleanup() {
    rmSync(dir, { recursive: true, force: true });
  },
});

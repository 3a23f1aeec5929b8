#!/usr/bin/env node
// Runs every *.test.ts / *.test.tsx under src/, rules/, data/, scripts/ and test/ with node:test (through tsx).
// Usage: node scripts/run-tests.mjs [path-substring ...]  (only files whose path contains one of the substrings)
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const roots = ['src', 'rules', 'data', 'scripts', 'test'];
const filters = process.argv.slice(2);
const files = [];
for (const r of roots) {
  let entries;
  try { entries = readdirSync(join(root, r), { recursive: true }); } catch { continue; }
  for (const e of entries) {
    const p = join(r, String(e));
    if (p.includes('node_modules')) continue;
    if (!/\.test\.tsx?$/.test(p)) continue;
    if (filters.length && !filters.some((f) => p.includes(f))) continue;
    if (statSync(join(root, p)).isFile()) files.push(p);
  }
}
files.sort();
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, WRIT_TEST: '1' },
});
process.exit(res.status ?? 1);

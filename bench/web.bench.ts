/**
 * The web app's initial JavaScript (gzip) against its budget of 250 KB: builds dist/web, then prints each initial file
 * and the total as a ratio of the budget. Exits 1 when the budget is exceeded.
 */
import { join } from 'node:path';
import { buildWeb, ROOT } from '../test/e2e/harness.ts';
import { initialJs, INITIAL_JS_BUDGET_BYTES } from '../test/e2e/initial-js-size.ts';

await buildWeb();
const r = initialJs(join(ROOT, 'dist', 'web'));
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
for (const f of r.files) console.log(`  ${f.file}: ${kb(f.bytes)} (${kb(f.gzip)} gzip)`);
console.log(`initial JavaScript: ${kb(r.gzipTotal)} gzip; budget ${kb(INITIAL_JS_BUDGET_BYTES)}; ratio ${(r.gzipTotal / INITIAL_JS_BUDGET_BYTES).toFixed(3)} of budget`);
if (r.gzipTotal > INITIAL_JS_BUDGET_BYTES) {
  console.error('over budget: move code behind a lazy import (screens are loaded with React.lazy)');
  process.exit(1);
}

/**
 * Reference lookups after start-up: lookups per second and mean µs per lookup, each as a ratio against a
 * baseline measured in the same run (a plain Map.get of a county FIPS key).
 * Run with `npm run bench` (or `node scripts/run-bench.mjs reference`).
 */
import { loadReference } from '../src/data/load-reference.ts';

const t0 = performance.now();
const ref = loadReference({ shippedOnly: true });
const startupMs = performance.now() - t0;

function measure(name: string, inputs: string[], fn: (x: string) => unknown): { name: string; perSec: number; meanUs: number } {
  // Warm up, then run for about 300 ms.
  for (let i = 0; i < 200; i++) fn(inputs[i % inputs.length]!);
  let n = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < 300) {
    for (let i = 0; i < 100; i++) {
      if (fn(inputs[n % inputs.length]!) !== undefined) sink++;
      n++;
    }
    elapsed = performance.now() - start;
  }
  if (sink < 0) console.log(sink);
  return { name, perSec: (n / elapsed) * 1000, meanUs: (elapsed * 1000) / n };
}

const fipsMap = new Map<string, number>(['06001', '13259', '29510', '51600', '48201', '12086', '35013', '72097'].map((f, i) => [f, i]));
const baseline = measure('baseline: Map.get(FIPS)', [...fipsMap.keys()], (k) => fipsMap.get(k));

const results = [
  measure('countyVenue by FIPS', ['06001', '13259', '29510', '51600', '48201'], (c) => ref.countyVenue({ state: c.startsWith('06') ? 'CA' : c.startsWith('13') ? 'GA' : c.startsWith('29') ? 'MO' : c.startsWith('51') ? 'VA' : 'TX', county: c })),
  measure('countyVenue by name (hard names)', ['CA|Alameda County', 'NM|Dona Ana', 'MO|St. Louis', 'VA|Fairfax city', 'LA|Orleans', 'PR|Mayaguez'], (q) => {
    const [state, county] = q.split('|');
    return ref.countyVenue({ state: state!, county: county! });
  }),
  measure('countyVenue with a typo', ['CA|Alamda', 'TX|Haris', 'GA|Stewrt'], (q) => {
    const [state, county] = q.split('|');
    return ref.countyVenue({ state: state!, county: county! });
  }),
  measure('zipVenue', ['94612', '22030', '34141', '11370', '63101'], (z) => ref.zipVenue(z)),
  measure('facility (fuzzy)', ['stewart', 'krome', 'tacoma', 'otay mesa', 'alligator'], (q) => ref.facility(q)),
  measure('agency287g (fuzzy, on a date)', ['smith co so|TX', 'colbert co so|AL', 'polk county sheriff|FL', 'hardee co so|FL'], (q) => {
    const [name, state] = q.split('|');
    return ref.agency287g({ name: name!, state, on: '2025-06-01' });
  }),
  measure('fieldOfficeForCounty', ['Harris', 'Fort Bend', 'Dallas'], (c) => ref.fieldOfficeForCounty({ state: 'TX', county: c })),
];

console.log(`start-up (load data/reference.json + 287(g) sheets, build indexes): ${startupMs.toFixed(0)} ms`);
console.log(`${baseline.name}: ${Math.round(baseline.perSec).toLocaleString('en-US')} /s, ${baseline.meanUs.toFixed(3)} µs`);
const w = Math.max(...results.map((r) => r.name.length));
for (const r of results) {
  console.log(
    `${r.name.padEnd(w)}  ${Math.round(r.perSec).toLocaleString('en-US').padStart(12)} /s  ${r.meanUs.toFixed(2).padStart(8)} µs/lookup  ` +
      `${(r.meanUs / baseline.meanUs).toFixed(0).padStart(6)}× the baseline's time  ${r.meanUs < 1000 ? 'under 1 ms' : 'OVER 1 ms'}`,
  );
}

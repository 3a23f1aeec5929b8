/**
 * Analysis throughput on one core: fact sets analysed per second (all ten remedies, every element, bar, TRAC score
 * and implied deadline), for the SPEC fixtures F1–F11 and variants. Printed as a ratio against a baseline measured in
 * the same run: zod parsing alone (parseFacts) of the same facts. Target: ≥ 20,000 fact sets/s.
 * Run with `npm run bench` (or `node scripts/run-bench.mjs analysis`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parseFacts } from '../src/core/facts/parse-facts.ts';
import { analyze } from '../src/core/analysis/analyze.ts';
import { loadReference } from '../src/data/load-reference.ts';
import type { Facts } from '../src/core/facts/facts-schema.ts';
import type { AnalysisContext } from '../src/core/analysis/types.ts';

const dir = new URL('../examples/facts/', import.meta.url);
const texts = readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => readFileSync(new URL(f, dir), 'utf8'));
const objects = texts.map((t) => JSON.parse(t) as unknown);
const facts: Facts[] = texts.map((t) => {
  const p = parseFacts(t);
  if (!p.ok) throw new Error('example facts do not parse');
  return p.facts;
});

/**
 * Runs fn for about one second of this process's CPU time and reports the rate per CPU-second (user + system, from
 * process.cpuUsage): "per core" even when other processes share the machine. Wall-clock rate printed beside it.
 */
function measure(name: string, n: number, fn: (i: number) => unknown): { name: string; perSec: number; wallPerSec: number; meanUs: number } {
  for (let i = 0; i < 3000; i++) fn(i % n); // warm up
  let count = 0;
  let sink = 0;
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  let cpuMs = 0;
  while (cpuMs < 1000) {
    for (let i = 0; i < 200; i++) {
      if (fn(count % n) !== undefined) sink++;
      count++;
    }
    const u = process.cpuUsage(cpu0);
    cpuMs = (u.user + u.system) / 1000;
  }
  const wallMs = performance.now() - wall0;
  if (sink < 0) console.log(sink);
  return { name, perSec: (count / cpuMs) * 1000, wallPerSec: (count / wallMs) * 1000, meanUs: (cpuMs * 1000) / count };
}

const reference = loadReference();
const noRef: AnalysisContext = { today: '2026-06-15' };
const withRef: AnalysisContext = { today: '2026-06-15', reference };

const baseline = measure('baseline: parseFacts (zod) of the same facts', objects.length, (i) => parseFacts(objects[i]!));
const results = [
  measure('analyze (no reference)', facts.length, (i) => analyze(facts[i]!, noRef)),
  measure('analyze (with reference; lookups memoized per county/facility)', facts.length, (i) => analyze(facts[i]!, withRef)),
  measure('parseFacts + analyze (with reference)', objects.length, (i) => {
    const p = parseFacts(objects[i]!);
    return p.ok ? analyze(p.facts, withRef) : p;
  }),
];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`${facts.length} example fact sets (examples/facts), one thread; rates per CPU-second (wall-clock rate in brackets)`);
const row = (r: typeof baseline, ratio: string) =>
  console.log(`${r.name.padEnd(58)} ${fmt(r.perSec).padStart(9)} /s  (${fmt(r.wallPerSec).padStart(7)} /s wall)  ${r.meanUs.toFixed(1).padStart(6)} µs  ${ratio}`);
row(baseline, '1.00x');
for (const r of results) row(r, `${(r.perSec / baseline.perSec).toFixed(2)}x of baseline`);
const target = 20_000;
const main = results[1]!;
console.log(`target ≥ ${fmt(target)} fact sets/s (analyze with reference): ${main.perSec >= target ? 'met' : 'NOT met'} (${fmt(main.perSec)}/s)`);

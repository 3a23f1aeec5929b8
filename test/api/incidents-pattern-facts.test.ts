/**
 * Issue 7: a pattern summary feeds a case's facts. A handful of reports (each a detainer honored) make the summary
 * propose countyPolicyHonorsAllDetainers; applied to a case as a new revision, the § 1983 analysis of that case moves
 * its "liable defendant" element (Monell) from unknown to met.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness, type Harness } from './harness.ts';
import { sampleReport } from '../../src/core/incidents/sample-report.ts';
import { MIN_EVENTS_FOR_FACTS } from '../../src/core/incidents/pattern-summary.ts';
import { loadReference } from '../../src/data/load-reference.ts';
import { HOLD_FACTS } from '../fixtures/county-hold-facts.ts';

let h: Harness;
before(async () => {
  h = await openHarness({ reference: loadReference({ shippedOnly: true }) });
});
after(async () => {
  await h.close();
});

const POLICY = 'enforcement.countyPolicyHonorsAllDetainers';


interface Summary {
  facts: { patch: { enforcement: Record<string, unknown> }; basis: Array<{ path: string; value: unknown; message: { code: string; text: string }; reportIds: string[] }> };
  warnings: Array<{ code: string; text: string }>;
}

async function summary(as: 'advocate' | 'paralegal' = 'paralegal', query = ''): Promise<Summary> {
  const res = await h.request('GET', `/api/incidents/pattern-summary${query}`, { as });
  assert.equal(res.status, 200);
  return (await res.json()) as Summary;
}

async function submitHeld(n: number, start: number): Promise<string[]> {
  const actor = { userId: h.users.advocate.id, orgId: h.users.advocate.orgId, role: 'advocate' as const };
  const ids: string[] = [];
  for (let i = start; i < start + n; i++) {
    // Ten events on the sample's day at different hours (the sample's custody times follow them).
    const time = `${String(4 + i).padStart(2, '0')}:${i % 2 ? '10' : '40'}`;
    const r = await h.store.incidents.submit(actor, {
      report: sampleReport({
        when: { date: '2025-04-01', time },
        // Some held on the detainer, some handed to ICE: every detainer honored either way.
        ...(i % 2 ? { outcome: 'held_on_detainer' as const, transferredToIce: 'no' as const } : {}),
      }),
      reference: h.deps.reference!,
    });
    assert.ok(r.ok, `the sample report variation is valid: ${r.ok ? "" : JSON.stringify(r.problems)}`);
    ids.push(r.record.id);
  }
  return ids;
}

async function liableDefendant(caseId: string): Promise<string> {
  const res = await h.request('POST', `/api/cases/${caseId}/analysis`, { as: 'attorney', json: {} });
  assert.equal(res.status, 200);
  const { analysis } = (await res.json()) as { analysis: { remedies: Array<{ remedy: string; elements: Array<{ id: string; finding: string }> }> } };
  const sec1983 = analysis.remedies.find((r) => r.remedy === 'SEC1983');
  assert.ok(sec1983, 'the § 1983 remedy is analyzed');
  return sec1983.elements.find((e) => e.id === 'S3_LIABLE_DEFENDANT')!.finding;
}

test('the summary proposes the county policy only from enough reports, with its reason, reports and the confirm warning', async () => {
  const first = await submitHeld(MIN_EVENTS_FOR_FACTS - 1, 0);
  const few = await summary();
  assert.equal(few.facts.basis.find((b) => b.path === POLICY), undefined, `fewer than ${MIN_EVENTS_FOR_FACTS} events propose no custom`);

  const last = await submitHeld(1, MIN_EVENTS_FOR_FACTS - 1);
  const enough = await summary('advocate');
  const policy = enough.facts.basis.find((b) => b.path === POLICY);
  assert.ok(policy, 'every detainer honored in enough events proposes the county policy');
  assert.equal(policy.value, 'yes');
  assert.equal(enough.facts.patch.enforcement.countyPolicyHonorsAllDetainers, 'yes');
  assert.equal(policy.message.code, 'incidents:facts.honorsAllDetainers');
  assert.match(policy.message.text, new RegExp(`${MIN_EVENTS_FOR_FACTS}`), 'the reason is rendered with its count');
  assert.deepEqual([...policy.reportIds].sort(), [...first, ...last].sort(), 'the reports behind the value');
  assert.ok(enough.warnings.some((w) => w.code === 'incidents:warning.confirmFacts' && w.text.length > 0));
  assert.equal((enough as unknown as Record<string, unknown>).aggregates, undefined, 'the statistics are not repeated');

  const es = await h.request('GET', '/api/incidents/pattern-summary?lang=es', { as: 'paralegal', headers: { 'Accept-Language': 'es' } });
  const esBody = (await es.json()) as Summary;
  assert.notEqual(esBody.facts.basis.find((b) => b.path === POLICY)!.message.text, policy.message.text, 'rendered in Spanish');
});

test('applying the proposed policy to a case makes a new revision and moves the § 1983 Monell element from unknown to met', async () => {
  const created = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Detainer hold', facts: HOLD_FACTS } });
  assert.equal(created.status, 201);
  const caseId = ((await created.json()) as { id: string }).id;
  assert.equal(await liableDefendant(caseId), 'unknown');

  const other = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'otherOrgAdmin', json: { paths: [POLICY] } });
  assert.equal(other.status, 404, "another organization's case is not found");

  const res = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'paralegal', json: { paths: [POLICY, 'enforcement.purposeEvidence'] } });
  assert.equal(res.status, 200);
  const out = (await res.json()) as {
    revision: { revision: number; facts: { enforcement: Record<string, unknown> } };
    applied: Array<{ path: string; value: unknown }>;
    skipped: Array<{ path: string; reason: string }>;
  };
  assert.equal(out.revision.revision, 2, 'a new revision; revision 1 is kept');
  assert.deepEqual(out.applied.map((a) => [a.path, a.value]), [[POLICY, 'yes']]);
  assert.deepEqual(out.skipped, [{ path: 'enforcement.purposeEvidence', reason: 'notProposed' }]);
  assert.deepEqual(out.revision.facts.enforcement.actions, ['detainer_hold'], 'the rest of the facts are kept');
  assert.equal(await liableDefendant(caseId), 'met');

  const revisions = await h.request('GET', `/api/cases/${caseId}/revisions`, { as: 'attorney' });
  const list = ((await revisions.json()) as { revisions: Array<{ facts: { enforcement: Record<string, unknown> } }> }).revisions;
  assert.equal(list.length, 2);
  assert.equal(list[0]!.facts.enforcement.countyPolicyHonorsAllDetainers, undefined, 'the first revision is unchanged');
});

test("an answer the case already has is kept unless the body says replace: true", async () => {
  const facts = { ...HOLD_FACTS, enforcement: { ...HOLD_FACTS.enforcement, countyPolicyHonorsAllDetainers: 'no' } };
  const created = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Policy denied', facts } });
  const caseId = ((await created.json()) as { id: string }).id;
  assert.equal(await liableDefendant(caseId), 'not_met');

  const kept = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'advocate', json: { paths: [POLICY] } });
  assert.equal(kept.status, 200);
  const keptOut = (await kept.json()) as { revision: unknown; applied: unknown[]; skipped: Array<{ path: string; reason: string; current: unknown }> };
  assert.equal(keptOut.revision, null, 'nothing applied, no revision');
  assert.deepEqual(keptOut.skipped, [{ path: POLICY, reason: 'answered', current: 'no' }]);
  assert.equal(await liableDefendant(caseId), 'not_met');

  const replaced = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'advocate', json: { paths: [POLICY], replace: true } });
  const replacedOut = (await replaced.json()) as { revision: { revision: number }; applied: Array<{ path: string; previous: unknown }> };
  assert.equal(replacedOut.revision.revision, 2);
  assert.deepEqual(replacedOut.applied.map((a) => [a.path, a.previous]), [[POLICY, 'no']]);
  assert.equal(await liableDefendant(caseId), 'met');

  const again = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'advocate', json: { paths: [POLICY] } });
  assert.deepEqual(((await again.json()) as { skipped: Array<{ reason: string }> }).skipped.map((s) => s.reason), ['same']);
});

test('bad input is a 400 that says what to fix', async () => {
  const partial = await h.request('GET', '/api/incidents/pattern-summary?benchmarkShare=0.2', { as: 'paralegal' });
  assert.equal(partial.status, 400);
  const body = (await partial.json()) as { error: { code: string; message: string } };
  assert.equal(body.error.code, 'invalid_request');

  const share = await h.request('GET', '/api/incidents/pattern-summary?benchmarkEthnicity=hispanic_latino&benchmarkShare=2&benchmarkSource=census', { as: 'paralegal' });
  assert.equal(share.status, 400);

  const created = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Bad paths', facts: HOLD_FACTS } });
  const caseId = ((await created.json()) as { id: string }).id;
  const badPath = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'attorney', json: { paths: ['person.name'] } });
  assert.equal(badPath.status, 400);
  const extra = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'attorney', json: { overwrite: true } });
  assert.equal(extra.status, 400);
});

test('a benchmark with a large disparity proposes pattern evidence; applied, EQUAL_PROTECTION discriminatory effect moves from unknown to met', async () => {
  const benchmark = { ethnicity: 'hispanic_latino', share: 0.2, source: 'Test comparison population' };
  const q = `?benchmarkEthnicity=${benchmark.ethnicity}&benchmarkShare=${benchmark.share}&benchmarkSource=${encodeURIComponent(benchmark.source)}`;
  const s = await summary('paralegal', q);
  const pattern = s.facts.basis.find((b) => b.path === 'enforcement.patternEvidence');
  assert.ok(pattern, 'every event Hispanic against a 20% benchmark is a ratio of 5');
  assert.ok(s.warnings.some((w) => w.code === 'incidents:warning.benchmarkSimilarlySituated'));
  assert.equal((await summary()).facts.basis.find((b) => b.path === 'enforcement.patternEvidence'), undefined, 'no benchmark, no disparity');

  const facts = { version: 1, analysisDate: '2026-03-06', enforcement: { agency: { type: 'sheriff', state: 'FL' }, actions: ['traffic_stop', 'immigration_arrest'] } };
  const created = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Stop', facts } });
  const caseId = ((await created.json()) as { id: string }).id;
  const effect = async () => {
    const res = await h.request('POST', `/api/cases/${caseId}/analysis`, { as: 'attorney', json: {} });
    const { analysis } = (await res.json()) as { analysis: { remedies: Array<{ remedy: string; elements: Array<{ id: string; finding: string }> }> } };
    return analysis.remedies.find((r) => r.remedy === 'EQUAL_PROTECTION')!.elements.find((e) => e.id === 'EP1_EFFECT')!.finding;
  };
  assert.equal(await effect(), 'unknown');
  const res = await h.request('POST', `/api/cases/${caseId}/pattern-facts`, { as: 'attorney', json: { benchmark, paths: ['enforcement.patternEvidence'] } });
  assert.equal(res.status, 200);
  assert.deepEqual(((await res.json()) as { applied: Array<{ path: string }> }).applied.map((a) => a.path), ['enforcement.patternEvidence']);
  assert.equal(await effect(), 'met');
});

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openHarness, type Harness } from './harness.ts';
import { sampleReport } from '../../src/core/incidents/sample-report.ts';
import { loadReference } from '../../src/data/load-reference.ts';

let h: Harness;
before(async () => {
  h = await openHarness({ reference: loadReference({ shippedOnly: true }) });
});
after(async () => {
  await h.close();
});

interface Problem {
  path: string;
  severity: string;
  message: { code: string; text: string };
}

test('a draft is saved and updated; a refused submission stays a draft and lists the problems by field path', async () => {
  const draft = await h.request('POST', '/api/incidents/drafts', { as: 'advocate', json: { draft: { schemaVersion: 1, when: { date: '2025-04-01' } } } });
  assert.equal(draft.status, 200);
  const { id } = (await draft.json()) as { id: string; problems: Problem[] };

  const { where: _where, ...noWhere } = sampleReport();
  const refused = await h.request('POST', '/api/incidents', { as: 'advocate', json: { id, report: noWhere } });
  assert.equal(refused.status, 422);
  const body = (await refused.json()) as { submitted: boolean; draftId: string; problems: Problem[]; error: { code: string } };
  assert.equal(body.error.code, 'unprocessable');
  assert.equal(body.submitted, false);
  assert.equal(body.draftId, id);
  const where = body.problems.find((p) => p.path.startsWith('where') && p.severity === 'error');
  assert.ok(where, 'the missing place is reported at its field path');
  assert.ok(where.message.text.length > 0);

  const kept = await h.request('GET', `/api/incidents/${id}`, { as: 'advocate' });
  assert.equal(kept.status, 200);
  const rec = (await kept.json()) as { status: string; body: { agency?: { name: string } } };
  assert.equal(rec.status, 'draft');
  assert.equal(rec.body.agency?.name, sampleReport().agency.name, 'the refused input was kept');

  const ok = await h.request('POST', '/api/incidents', { as: 'advocate', json: { id, report: sampleReport() } });
  assert.equal(ok.status, 201);
  const submitted = (await ok.json()) as { submitted: boolean; incident: { id: string; status: string } };
  assert.equal(submitted.incident.id, id);
  assert.equal(submitted.incident.status, 'submitted');
});

test('a draft with a field the report does not have is refused with a clear 400', async () => {
  const res = await h.request('POST', '/api/incidents/drafts', { as: 'advocate', json: { draft: { whenn: { date: '2025-04-01' } } } });
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'invalid_request');
});

test('aggregates count the report, and the number links to the report ids behind it', async () => {
  const april = async () => {
    const agg = (await (await h.request('GET', '/api/incidents/aggregate', { as: 'paralegal' })).json()) as {
      dimensions: { month: Array<{ key: string; count: number }> };
    };
    return agg.dimensions.month.find((c) => c.key === '2025-04')?.count ?? 0;
  };
  const before = await april();
  const res = await h.request('POST', '/api/incidents', { as: 'attorney', json: { report: sampleReport() } });
  assert.equal(res.status, 201);
  const id = ((await res.json()) as { incident: { id: string } }).incident.id;
  assert.equal(await april(), before + 1);
  const behind = await h.request('GET', '/api/incidents/aggregate/reports?dimension=month&key=2025-04', { as: 'paralegal' });
  const ids = ((await behind.json()) as { reportIds: string[] }).reportIds;
  assert.ok(ids.includes(id), 'the new report is behind the April number');
  assert.equal(ids.length, before + 1);
});

test('CSV export strips identifying fields; identifying export is 403 for advocates and allowed to attorneys', async () => {
  await h.request('POST', '/api/incidents', { as: 'attorney', json: { report: sampleReport() } });
  const plain = await h.request('GET', '/api/incidents/export/reports.csv', { as: 'advocate' });
  assert.equal(plain.status, 200);
  assert.match(plain.headers.get('content-type')!, /^text\/csv/);
  assert.match(plain.headers.get('content-disposition')!, /^attachment/);
  const text = await plain.text();
  assert.doesNotMatch(text, /Test Witness|Officer Example|100 Test Rd/);

  const refused = await h.request('GET', '/api/incidents/export/reports.csv?identifying=true', { as: 'advocate' });
  assert.equal(refused.status, 403);
  const full = await h.request('GET', '/api/incidents/export/reports.csv?identifying=true', { as: 'attorney' });
  assert.equal(full.status, 200);
  assert.match(await full.text(), /Test Witness/);
});

test('chart and pattern report exports answer SVG and PDF as attachments', async () => {
  const svg = await h.request('GET', '/api/incidents/export/chart.svg?dimension=month', { as: 'advocate' });
  assert.equal(svg.status, 200);
  assert.match(svg.headers.get('content-type')!, /^image\/svg\+xml/);
  assert.match(await svg.text(), /<svg/);
  const pdf = await h.request('GET', '/api/incidents/export/pattern-report.pdf', { as: 'advocate' });
  assert.equal(pdf.status, 200);
  assert.equal(pdf.headers.get('content-type'), 'application/pdf');
  assert.equal(new TextDecoder().decode((await pdf.arrayBuffer()).slice(0, 5)), '%PDF-');
  const bad = await h.request('GET', '/api/incidents/export/chart.svg?dimension=shoe', { as: 'advocate' });
  assert.equal(bad.status, 400);
});

/** How many audit entries of `action` organization A has (read as the admin). */
async function auditCount(action: string): Promise<number> {
  const res = await h.request('GET', '/api/audit?limit=500', { as: 'admin' });
  return ((await res.json()) as { entries: Array<{ action: string }> }).entries.filter((e) => e.action === action).length;
}

test('the in-page chart is not logged as an export; the chart download is', async () => {
  const exportsBefore = await auditCount('incident.export');
  const page = await h.request('GET', '/api/incidents/aggregate/chart.svg?dimension=month', { as: 'advocate' });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type')!, /^image\/svg\+xml/);
  assert.equal(page.headers.get('content-disposition'), null, 'shown in the page, not downloaded');
  assert.match(await page.text(), /<svg/);
  assert.equal(await auditCount('incident.export'), exportsBefore);
  await h.request('GET', '/api/incidents/export/chart.svg?dimension=month', { as: 'advocate' });
  assert.equal(await auditCount('incident.export'), exportsBefore + 1);
});

test('one report: identifying fields only for roles that may see them, with its merged reports', async () => {
  const a = ((await (await h.request('POST', '/api/incidents', { as: 'advocate', json: { report: sampleReport() } })).json()) as { incident: { id: string } }).incident.id;
  const b = ((await (await h.request('POST', '/api/incidents', { as: 'advocate', json: { report: sampleReport() } })).json()) as { incident: { id: string } }).incident.id;
  const merged = await h.request('POST', '/api/incidents/merge', { as: 'advocate', json: { ids: [a, b] } });
  assert.equal(merged.status, 200);
  const { primaryId } = (await merged.json()) as { primaryId: string };
  const other = primaryId === a ? b : a;

  type One = { body: { narrative?: string; reporter: { name?: string; role: string } }; identifyingHidden: boolean; duplicateOf: string | null; mergedIds: string[] };
  const asAdvocate = (await (await h.request('GET', `/api/incidents/${primaryId}`, { as: 'advocate' })).json()) as One;
  assert.equal(asAdvocate.identifyingHidden, true);
  assert.equal(asAdvocate.body.narrative, undefined);
  assert.equal(asAdvocate.body.reporter.role, sampleReport().reporter.role, 'the categories stay');
  assert.deepEqual(asAdvocate.mergedIds, [other]);
  assert.equal(asAdvocate.duplicateOf, null);
  const asAttorney = (await (await h.request('GET', `/api/incidents/${other}`, { as: 'attorney' })).json()) as One;
  assert.equal(asAttorney.identifyingHidden, false);
  assert.equal(asAttorney.body.narrative, sampleReport().narrative);
  assert.equal(asAttorney.duplicateOf, primaryId);

  // The reporter reading back their own draft sees what they typed.
  const draft = await h.request('POST', '/api/incidents/drafts', { as: 'advocate', json: { draft: { narrative: 'Half a story' } } });
  const draftId = ((await draft.json()) as { id: string }).id;
  const mine = (await (await h.request('GET', `/api/incidents/${draftId}`, { as: 'advocate' })).json()) as One;
  assert.equal(mine.body.narrative, 'Half a story');
  const theirs = (await (await h.request('GET', `/api/incidents/${draftId}`, { as: 'paralegal' })).json()) as One;
  assert.equal(theirs.body.narrative, undefined);
});

test('a report becomes a case exhibit with its hash and chain of custody; other organizations and missing consent are refused', async () => {
  const id = ((await (await h.request('POST', '/api/incidents', { as: 'advocate', json: { report: sampleReport() } })).json()) as { incident: { id: string } }).incident.id;
  const created = await h.request('POST', '/api/cases', { as: 'advocate', json: { title: 'Pattern case' } });
  assert.equal(created.status, 201);
  const caseId = ((await created.json()) as { id: string }).id;

  const res = await h.request('POST', `/api/incidents/${id}/exhibit`, { as: 'advocate', json: { caseId } });
  assert.equal(res.status, 201);
  const { evidence } = (await res.json()) as { evidence: { id: string; caseId: string; sha256: string; filename: string; contentType: string } };
  assert.equal(evidence.caseId, caseId);
  assert.match(evidence.sha256, /^[0-9a-f]{64}$/);
  assert.equal(evidence.contentType, 'application/pdf');
  const custody = await h.request('GET', `/api/evidence/${evidence.id}/custody`, { as: 'attorney' });
  assert.equal(custody.status, 200);
  assert.deepEqual(((await custody.json()) as { custody: Array<{ action: string }> }).custody.map((x) => x.action).slice(0, 1), ['added']);
  const listed = (await (await h.request('GET', `/api/cases/${caseId}/evidence`, { as: 'advocate' })).json()) as { evidence: Array<{ id: string }> };
  assert.ok(listed.evidence.some((e) => e.id === evidence.id));
  const linked = (await (await h.request('GET', `/api/incidents/${id}`, { as: 'advocate' })).json()) as { facets: { caseId: string } };
  assert.equal(linked.facets.caseId, caseId, 'the report now links to the case');
  const audit = (await (await h.request('GET', '/api/audit?limit=500', { as: 'admin' })).json()) as { entries: Array<{ action: string; entityId: string | null }> };
  assert.ok(audit.entries.some((e) => e.action === 'incident.exhibit' && e.entityId === id));

  // Another organization sees neither the report nor the case.
  assert.equal((await h.request('POST', `/api/incidents/${id}/exhibit`, { as: 'otherOrgAdmin', json: { caseId } })).status, 404);
  const otherCase = ((await (await h.request('POST', '/api/cases', { as: 'otherOrgAdmin', json: { title: 'B' } })).json()) as { id: string }).id;
  const crossed = await h.request('POST', `/api/incidents/${id}/exhibit`, { as: 'advocate', json: { caseId: otherCase } });
  assert.equal(crossed.status, 404);
  assert.ok(((await crossed.json()) as { error: { message: string } }).error.message.length > 0);

  const noConsent = sampleReport({ consent: { countInStatistics: true, useAsEvidence: false, identifyAffectedPerson: true } });
  const nc = ((await (await h.request('POST', '/api/incidents', { as: 'advocate', json: { report: noConsent } })).json()) as { incident: { id: string } }).incident.id;
  const refused = await h.request('POST', `/api/incidents/${nc}/exhibit`, { as: 'advocate', json: { caseId } });
  assert.ok(refused.status >= 400 && refused.status < 500, `refused with a 4xx, got ${refused.status}`);
  assert.match(((await refused.json()) as { error: { message: string } }).error.message, /consent/);
  const bad = await h.request('POST', `/api/incidents/${id}/exhibit`, { as: 'advocate', json: { caseId: 'nope' } });
  assert.equal(bad.status, 400);
});

test('a mistaken merge is undone: the reports count twice again, both intact; not merged is a clear 422, another organization 404', async () => {
  const report = { ...sampleReport(), when: { date: '2025-03-03', time: '09:00' } };
  const submit = async () =>
    ((await (await h.request('POST', '/api/incidents', { as: 'advocate', json: { report } })).json()) as { incident: { id: string } }).incident.id;
  const events = async () => {
    const agg = (await (await h.request('GET', '/api/incidents/aggregate?from=2025-03-03&to=2025-03-03', { as: 'paralegal' })).json()) as { overall: { count: number } };
    return agg.overall.count;
  };
  type One = { status: string; body: { when: { date: string }; agency: { name: string } }; duplicateOf: string | null; mergedIds: string[] };
  const read = async (id: string) => (await (await h.request('GET', `/api/incidents/${id}`, { as: 'attorney' })).json()) as One;

  const before = await events();
  const a = await submit();
  const b = await submit();
  assert.equal(await events(), before + 2);
  const merged = await h.request('POST', '/api/incidents/merge', { as: 'advocate', json: { ids: [a, b] } });
  assert.equal(merged.status, 200);
  const { primaryId } = (await merged.json()) as { primaryId: string };
  const duplicate = primaryId === a ? b : a;
  assert.equal(await events(), before + 1, 'merged: one event');

  // Another organization cannot see the report, so cannot undo its merge.
  assert.equal((await h.request('POST', `/api/incidents/${duplicate}/unmerge`, { as: 'otherOrgAdmin' })).status, 404);
  assert.equal(await events(), before + 1);

  const unmergesBefore = await auditCount('incident.unmerge');
  const undone = await h.request('POST', `/api/incidents/${duplicate}/unmerge`, { as: 'paralegal' });
  assert.equal(undone.status, 200);
  assert.deepEqual(((await undone.json()) as { ids: string[] }).ids.sort(), [a, b].sort());
  assert.equal(await events(), before + 2, 'unmerged: two events again');
  assert.equal(await auditCount('incident.unmerge'), unmergesBefore + 2, 'audited for each report of the group');
  for (const id of [a, b]) {
    const one = await read(id);
    assert.equal(one.status, 'submitted');
    assert.equal(one.body.when.date, '2025-03-03');
    assert.equal(one.body.agency.name, report.agency.name);
    assert.equal(one.duplicateOf, null);
    assert.deepEqual(one.mergedIds, []);
  }

  // Nothing left to undo: refused with a message that says why (and the same from the primary's side).
  for (const id of [duplicate, primaryId]) {
    const again = await h.request('POST', `/api/incidents/${id}/unmerge`, { as: 'paralegal' });
    assert.equal(again.status, 422);
    const { error } = (await again.json()) as { error: { code: string; message: string } };
    assert.equal(error.code, 'unprocessable');
    assert.match(error.message, /not merged/);
  }
  // Undoing from the primary's page works too.
  await h.request('POST', '/api/incidents/merge', { as: 'advocate', json: { ids: [a, b] } });
  assert.equal(await events(), before + 1);
  assert.equal((await h.request('POST', `/api/incidents/${primaryId}/unmerge`, { as: 'advocate' })).status, 200);
  assert.equal(await events(), before + 2);
});

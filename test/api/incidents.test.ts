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

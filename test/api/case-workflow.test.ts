/**
 * One case through the API the way an office works it: facts → analysis → new revision → docket event → deadlines
 * (.ics) → filing packet → download, plus the stateless analysis and deadline computation.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadReference } from '../../src/data/load-reference.ts';
import { openHarness, type Harness } from './harness.ts';

const F1 = JSON.parse(readFileSync(new URL('../../examples/facts/f1-naturalization-interview-no-decision.json', import.meta.url), 'utf8'));
let h: Harness;
let caseId: string;

before(async () => {
  h = await openHarness({ reference: loadReference({ shippedOnly: true }) });
  const res = await h.request('POST', '/api/cases', { as: 'attorney', json: { title: 'Naturalization delay', facts: F1 } });
  assert.equal(res.status, 201);
  caseId = ((await res.json()) as { id: string }).id;
});
after(async () => { await h.close(); });

type Analysis = { analysis: { remedies: { remedy: string; viability: string }[]; notices: { code: string; text: string }[] }; revision: number };

test('analysis of a stored case: § 1447(b) viable for SPEC fixture F1, messages rendered in the asked language', async () => {
  const res = await h.request('POST', `/api/cases/${caseId}/analysis`, { as: 'advocate', json: {} });
  assert.equal(res.status, 200);
  const body = (await res.json()) as Analysis;
  assert.equal(body.revision, 1);
  assert.equal(body.analysis.remedies.find((r) => r.remedy === 'NATZ_1447B')?.viability, 'viable');
  assert.match(body.analysis.notices[0]!.text, /not legal advice/);
  const es = (await (await h.request('POST', `/api/cases/${caseId}/analysis?lang=es`, { as: 'advocate', json: {} })).json()) as Analysis;
  assert.match(es.analysis.notices[0]!.text, /no es asesoría legal/);
});

test('stateless analysis gives the same answer and stores nothing', async () => {
  const before = ((await (await h.request('GET', '/api/cases', { as: 'admin' })).json()) as { cases: unknown[] }).cases.length;
  const res = await h.request('POST', '/api/analyze', { as: 'advocate', json: { facts: F1 } });
  assert.equal(res.status, 200);
  const body = (await res.json()) as Analysis['analysis'];
  assert.equal(body.remedies.find((r) => r.remedy === 'NATZ_1447B')?.viability, 'viable');
  const after = ((await (await h.request('GET', '/api/cases', { as: 'admin' })).json()) as { cases: unknown[] }).cases.length;
  assert.equal(after, before);
});

test('facts with dates out of order are refused with the path to fix', async () => {
  const bad = { version: 1, benefitRequest: { form: 'N-400', filedDate: '2025-05-01', decisionDate: '2025-01-01' } };
  const res = await h.request('POST', `/api/cases/${caseId}/revisions`, { as: 'attorney', json: { facts: bad } });
  assert.equal(res.status, 400);
  const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
  assert.equal(body.error.code, 'invalid_facts');
  assert.ok(body.error.issues.some((i) => i.path === 'facts.benefitRequest.decisionDate'));
});

test('new facts are a new revision; the old one is kept', async () => {
  const res = await h.request('POST', `/api/cases/${caseId}/revisions`, {
    as: 'paralegal',
    json: { facts: { ...F1, analysisDate: '2026-02-01' }, note: 'checked the interview date' },
  });
  assert.equal(res.status, 201);
  assert.equal(((await res.json()) as { revision: number }).revision, 2);
  const list = (await (await h.request('GET', `/api/cases/${caseId}/revisions`, { as: 'advocate' })).json()) as { revisions: { revision: number; authorId: string }[] };
  assert.deepEqual(list.revisions.map((r) => r.revision), [1, 2]);
  assert.equal(list.revisions[1]!.authorId, h.users.paralegal.id);
  const first = (await (await h.request('GET', `/api/cases/${caseId}/revisions/1`, { as: 'advocate' })).json()) as { facts: { analysisDate?: string } };
  assert.equal(first.facts.analysisDate, F1.analysisDate);
  assert.equal((await h.request('GET', `/api/cases/${caseId}/revisions/9`, { as: 'advocate' })).status, 404);
});

test('deadline computation rolls a Sunday to Monday (FRCP 4(m): Mar. 2, 2026 + 90 days = Sun. May 31 → Mon. June 1)', async () => {
  const res = await h.request('POST', '/api/deadlines/compute', { as: 'advocate', json: { rule: 'frcp-4m', from: '2026-03-02' } });
  assert.equal(res.status, 200);
  const d = (await res.json()) as { dueDate: string; countedDate: string; steps: { text: string }[]; citations: unknown[] };
  assert.equal(d.countedDate, '2026-05-31');
  assert.equal(d.dueDate, '2026-06-01');
  assert.ok(d.steps.every((s) => typeof s.text === 'string' && s.text.length > 0));
  assert.ok(d.citations.length > 0);
  const bad = await h.request('POST', '/api/deadlines/compute', { as: 'advocate', json: { rule: 'no-such-rule', from: '2026-03-02' } });
  assert.equal(bad.status, 400);
  assert.match(((await bad.json()) as { error: { message: string } }).error.message, /frcp-4m/);
});

test('a docket event attaches its deadlines; the case calendar (.ics) has them and no case title', async () => {
  const res = await h.request('POST', `/api/cases/${caseId}/docket`, { as: 'attorney', json: { kind: 'complaint-filed', date: '2026-03-02' } });
  assert.equal(res.status, 201);
  const { deadlines } = (await res.json()) as { deadlines: { ruleId: string; dueDate: string }[] };
  assert.deepEqual(deadlines.map((d) => [d.ruleId, d.dueDate]), [['frcp-4m', '2026-06-01']]);
  const ics = await h.request('GET', `/api/cases/${caseId}/deadlines.ics`, { as: 'advocate' });
  assert.equal(ics.status, 200);
  assert.match(ics.headers.get('content-type')!, /^text\/calendar/);
  assert.match(ics.headers.get('content-disposition')!, /^attachment/);
  const text = await ics.text();
  assert.match(text, /BEGIN:VCALENDAR/);
  assert.match(text, /DTSTART;VALUE=DATE:20260601/);
  assert.ok(!text.includes('Naturalization delay'));
});

test('a packet is built from the case, stored with SHA-256, and downloads intact', { timeout: 120_000 }, async () => {
  const res = await h.request('POST', `/api/cases/${caseId}/packets`, { as: 'attorney', json: { formats: ['pdf'] } });
  const text = await res.text();
  assert.equal(res.status, 201, text.slice(0, 300));
  const body = JSON.parse(text) as { documents: { id: string; sha256: string; contentType: string; filename: string }[]; manifest: { files: { sha256: string }[] } };
  assert.ok(body.documents.length > 0);
  assert.ok(body.documents.every((d) => d.contentType === 'application/pdf'));
  const doc = body.documents[0]!;
  assert.ok(body.manifest.files.some((f) => f.sha256 === doc.sha256));
  // The web app previews each document as text and shows the FRCP 5.2 report before download.
  const extra = JSON.parse(text) as { previews: { id: string; text: string }[]; privacyReport: { changes: unknown[]; notes: unknown[] } };
  assert.ok(extra.previews.length > 0 && extra.previews.every((p) => p.text.length > 0));
  assert.ok(Array.isArray(extra.privacyReport.changes) && Array.isArray(extra.privacyReport.notes));
  const dl = await h.request('GET', `/api/documents/${doc.id}/download`, { as: 'paralegal' });
  assert.equal(dl.status, 200);
  assert.equal(dl.headers.get('content-type'), 'application/pdf');
  const bytes = new Uint8Array(await dl.arrayBuffer());
  assert.equal(createHash('sha256').update(bytes).digest('hex'), doc.sha256);
  const listed = (await (await h.request('GET', `/api/cases/${caseId}/documents`, { as: 'attorney' })).json()) as { documents: unknown[] };
  assert.equal(listed.documents.length, body.documents.length);
});

test('the audit log records reads and writes of the case, with ids only', async () => {
  const res = await h.request('GET', `/api/audit?entityId=${caseId}`, { as: 'admin' });
  const text = await res.text();
  const { entries } = JSON.parse(text) as { entries: { action: string; actorId: string }[] };
  assert.ok(entries.some((e) => e.action === 'packet.generate'));
  assert.ok(entries.length >= 3);
  assert.ok(!text.includes('Naturalization delay'));
});

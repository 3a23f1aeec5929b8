/**
 * For every route of the app: a valid request as a given caller, over a fixture in organization A. Shared by the
 * authorization matrix and the bad-input tests. A new route needs an entry here (the matrix test fails otherwise).
 */
import assert from 'node:assert/strict';
import { issueApiToken } from '../../src/auth/api-tokens.ts';
import { hashPassword } from '../../src/auth/password.ts';
import { PASSWORD, type CallerName, type Harness } from './harness.ts';
import { sampleReport } from '../../src/core/incidents/sample-report.ts';

/** Organization A's attorney as the store's Actor (fixtures made through the store). */
const attorneyOf = (h: Harness) => ({ userId: h.users.attorney.id, orgId: h.users.attorney.orgId, role: 'attorney' as const });

/** A submitted incident report in organization A (for the incident routes). */
async function submittedIncident(h: Harness): Promise<string> {
  const actor = attorneyOf(h);
  const r = await h.store.incidents.submit(actor, { report: sampleReport(), reference: h.deps.reference! });
  assert.ok(r.ok, 'the sample incident report is valid');
  return r.record.id;
}

/** A report of organization A merged into another one (for the unmerge route): the duplicate's id. */
async function mergedIncident(h: Harness): Promise<string> {
  const actor = attorneyOf(h);
  const { memberIds } = await h.store.incidents.merge(actor, [await submittedIncident(h), await submittedIncident(h)], h.deps.reference!);
  return memberIds[1]!;
}

/** A finished batch job with a result in organization A (for the job routes; no worker runs in the harness). */
async function finishedJob(h: Harness): Promise<string> {
  const actor = attorneyOf(h);
  const job = await h.store.jobRecords.create(actor, { kind: 'packet-batch', input: new TextEncoder().encode('id\nm1\n'), total: 1 });
  await h.store.jobRecords.start(job.id);
  await h.store.jobRecords.finish(job.id, { status: 'done', summary: { ok: 1 }, result: new TextEncoder().encode('PK') });
  return job.id;
}

export interface Fixture {
  caseId: string;
  evidenceId: string;
  deadlineId: string;
  targetUserId: string;
  facilityId: string;
  documentId: string;
}

export interface Req {
  path: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
}

export interface Entry {
  /** Builds the request. `caller` is who will send it (to make per-caller resources, e.g. their own token). */
  req: (fx: Fixture, caller: CallerName) => Req | Promise<Req>;
  /** True when the route addresses organization A's data by id: the other organization must get 404. */
  scoped: boolean;
}

export const FACTS = { version: 1, person: { custody: 'detained' } };

/** Case, docket event (with its deadline), evidence and users in organization A. */
export async function createFixture(h: Harness): Promise<Fixture> {
  const found = h.deps.reference?.facility('Stewart', 'GA');
  const facilityId = found?.status === 'found' ? found.value.id : found?.status === 'ambiguous' ? found.candidates[0]!.id : 'unknown';
  const actor = attorneyOf(h);
  const kase = await h.store.cases.create(actor, { title: 'Fixture case', facts: FACTS });
  const { deadlines } = await h.store.docket.addEvent(actor, kase.id, { kind: 'complaint-filed', date: '2026-03-02' });
  const ev = await h.store.evidence.put(actor, kase.id, { filename: 'note.txt', stream: [new TextEncoder().encode('hello\n')] });
  const target = await h.store.users.create({
    orgId: h.users.admin.orgId,
    email: 'target@a.example',
    displayName: 'Target',
    role: 'advocate',
    passwordHash: null,
  });
  await h.store.users.create({
    orgId: h.users.admin.orgId,
    email: 'login@a.example',
    displayName: 'Login',
    role: 'advocate',
    passwordHash: await hashPassword(PASSWORD),
  });
  const doc = await h.store.documents.put(actor, kase.id, {
    kind: 'cover-letter',
    filename: 'cover-letter.pdf',
    contentType: 'application/pdf',
    bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n'),
  });
  assert.ok(deadlines[0], 'the fixture docket event attaches a deadline');
  return { caseId: kase.id, evidenceId: ev.id, deadlineId: deadlines[0]!.id, targetUserId: target.id, facilityId, documentId: doc.id };
}

export function matrixEntries(h: () => Harness): Record<string, Entry> {
  return {
    'GET /api/health': { scoped: false, req: () => ({ path: '/api/health' }) },
    'GET /api/openapi.json': { scoped: false, req: () => ({ path: '/api/openapi.json' }) },
    'POST /api/auth/login': {
      scoped: false,
      req: () => ({ path: '/api/auth/login', json: { email: 'login@a.example', password: PASSWORD } }),
    },
    'POST /api/auth/logout': { scoped: false, req: () => ({ path: '/api/auth/logout' }) },
    'POST /api/auth/password': {
      scoped: false,
      // Same password in and out, so every caller can run it and the harness's tokens keep working.
      req: () => ({ path: '/api/auth/password', json: { currentPassword: PASSWORD, newPassword: PASSWORD } }),
    },
    'GET /api/auth/me': { scoped: false, req: () => ({ path: '/api/auth/me' }) },
    'GET /api/auth/csrf': { scoped: false, req: () => ({ path: '/api/auth/csrf' }) },
    'GET /api/auth/tokens': { scoped: false, req: () => ({ path: '/api/auth/tokens' }) },
    'POST /api/auth/tokens': { scoped: false, req: () => ({ path: '/api/auth/tokens', json: { label: 'matrix' } }) },
    'DELETE /api/auth/tokens/:tokenId': {
      scoped: true,
      req: async (_fx, caller) => {
        // Callers revoke a token of their own; the other organization tries one of organization A's.
        const owner = caller === 'anonymous' || caller === 'otherOrgAdmin' ? h().users.attorney : h().users[caller];
        const { record } = await issueApiToken(h().store, owner, 'to revoke');
        return { path: `/api/auth/tokens/${record.id}` };
      },
    },
    'GET /api/org': { scoped: false, req: () => ({ path: '/api/org' }) },
    'GET /api/users': { scoped: false, req: () => ({ path: '/api/users' }) },
    'POST /api/users': {
      scoped: false,
      req: () => ({
        path: '/api/users',
        json: { email: `new-${crypto.randomUUID()}@a.example`, displayName: 'New', role: 'advocate', password: PASSWORD },
      }),
    },
    'PATCH /api/users/:userId': {
      scoped: true,
      req: (f) => ({ path: `/api/users/${f.targetUserId}`, json: { displayName: 'Renamed' } }),
    },
    'POST /api/cases': { scoped: false, req: () => ({ path: '/api/cases', json: { title: 'Matrix case', facts: FACTS } }) },
    'GET /api/cases': { scoped: false, req: () => ({ path: '/api/cases' }) },
    'GET /api/cases/:caseId': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}` }) },
    'PATCH /api/cases/:caseId': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}`, json: { title: 'Renamed' } }) },
    'POST /api/cases/:caseId/revisions': {
      scoped: true,
      req: (f) => ({ path: `/api/cases/${f.caseId}/revisions`, json: { facts: FACTS, note: 'matrix' } }),
    },
    'GET /api/cases/:caseId/revisions': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/revisions` }) },
    'GET /api/cases/:caseId/revisions/:revision': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/revisions/1` }) },
    'GET /api/cases/:caseId/parties': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/parties` }) },
    'POST /api/cases/:caseId/parties': {
      scoped: true,
      req: (f) => ({ path: `/api/cases/${f.caseId}/parties`, json: { role: 'respondent', name: 'Field Office Director' } }),
    },
    'POST /api/analyze': { scoped: false, req: () => ({ path: '/api/analyze', json: { facts: FACTS } }) },
    'POST /api/cases/:caseId/analysis': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/analysis`, json: {} }) },
    'POST /api/cases/:caseId/packets': {
      scoped: true,
      req: (f) => ({ path: `/api/cases/${f.caseId}/packets`, json: { formats: ['docx'] } }),
    },
    'GET /api/cases/:caseId/documents': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/documents` }) },
    'GET /api/documents/:documentId/download': { scoped: true, req: (f) => ({ path: `/api/documents/${f.documentId}/download` }) },
    'GET /api/cases/:caseId/deadlines.ics': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/deadlines.ics` }) },
    'GET /api/cases/:caseId/docket': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/docket` }) },
    'POST /api/cases/:caseId/docket': {
      scoped: true,
      req: (f) => ({ path: `/api/cases/${f.caseId}/docket`, json: { kind: 'complaint-filed', date: '2026-03-02' } }),
    },
    'GET /api/deadlines/rules': { scoped: false, req: () => ({ path: '/api/deadlines/rules' }) },
    'POST /api/deadlines/compute': {
      scoped: false,
      req: () => ({ path: '/api/deadlines/compute', json: { rule: 'frcp-4m', from: '2026-03-02' } }),
    },
    'GET /api/deadlines': { scoped: false, req: () => ({ path: '/api/deadlines?status=open&before=2027-01-01' }) },
    'GET /api/cases/:caseId/deadlines': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/deadlines` }) },
    'PATCH /api/deadlines/:deadlineId': { scoped: true, req: (f) => ({ path: `/api/deadlines/${f.deadlineId}`, json: { status: 'open' } }) },
    'POST /api/cases/:caseId/evidence': {
      scoped: true,
      req: (f) => ({
        path: `/api/cases/${f.caseId}/evidence`,
        body: 'A declaration, in plain text.\n',
        headers: { 'x-filename': encodeURIComponent('declaración.txt'), 'content-type': 'application/octet-stream' },
      }),
    },
    'GET /api/cases/:caseId/evidence': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/evidence` }) },
    'GET /api/evidence/:evidenceId': { scoped: true, req: (f) => ({ path: `/api/evidence/${f.evidenceId}` }) },
    'PATCH /api/evidence/:evidenceId': { scoped: true, req: (f) => ({ path: `/api/evidence/${f.evidenceId}`, json: { exhibitNumber: 'A' } }) },
    'POST /api/evidence/:evidenceId/links': {
      scoped: true,
      req: (f) => ({ path: `/api/evidence/${f.evidenceId}/links`, json: { factsPath: 'person.custody' } }),
    },
    'GET /api/evidence/:evidenceId/download': { scoped: true, req: (f) => ({ path: `/api/evidence/${f.evidenceId}/download` }) },
    'GET /api/evidence/:evidenceId/custody': { scoped: true, req: (f) => ({ path: `/api/evidence/${f.evidenceId}/custody` }) },
    'GET /api/lookups/venue': { scoped: false, req: () => ({ path: '/api/lookups/venue?state=CA&county=Alameda' }) },
    'GET /api/lookups/zip/:zip': { scoped: false, req: () => ({ path: '/api/lookups/zip/94612' }) },
    'GET /api/lookups/courts/:courtId': { scoped: false, req: () => ({ path: '/api/lookups/courts/cand' }) },
    'GET /api/lookups/facilities': { scoped: false, req: () => ({ path: '/api/lookups/facilities?q=Stewart&state=GA' }) },
    'GET /api/lookups/facilities/:facilityId': { scoped: false, req: (f) => ({ path: `/api/lookups/facilities/${f.facilityId}` }) },
    'GET /api/lookups/agency': { scoped: false, req: () => ({ path: '/api/lookups/agency?name=Harris%20County&state=TX' }) },
    'GET /api/lookups/287g/agreements': { scoped: false, req: () => ({ path: '/api/lookups/287g/agreements?state=TX' }) },
    'GET /api/lookups/uscis': { scoped: false, req: () => ({ path: '/api/lookups/uscis?q=I-485' }) },
    'GET /api/lookups/field-office': { scoped: false, req: () => ({ path: '/api/lookups/field-office?state=CA&county=Alameda' }) },
    'POST /api/incidents/drafts': { scoped: false, req: () => ({ path: '/api/incidents/drafts', json: { draft: { when: { date: '2025-04-01' } } } }) },
    'POST /api/incidents': { scoped: false, req: () => ({ path: '/api/incidents', json: { report: sampleReport() } }) },
    'GET /api/incidents': { scoped: false, req: () => ({ path: '/api/incidents' }) },
    'GET /api/incidents/duplicates': { scoped: false, req: () => ({ path: '/api/incidents/duplicates' }) },
    'POST /api/incidents/merge': {
      scoped: true,
      req: async () => ({ path: '/api/incidents/merge', json: { ids: [await submittedIncident(h()), await submittedIncident(h())] } }),
    },
    'POST /api/incidents/:incidentId/unmerge': { scoped: true, req: async () => ({ path: `/api/incidents/${await mergedIncident(h())}/unmerge` }) },
    'GET /api/incidents/aggregate': { scoped: false, req: () => ({ path: '/api/incidents/aggregate' }) },
    'GET /api/incidents/aggregate/reports': { scoped: false, req: () => ({ path: '/api/incidents/aggregate/reports?dimension=all' }) },
    'GET /api/incidents/pattern-summary': { scoped: false, req: () => ({ path: '/api/incidents/pattern-summary' }) },
    'POST /api/cases/:caseId/pattern-facts': { scoped: true, req: (f) => ({ path: `/api/cases/${f.caseId}/pattern-facts`, json: {} }) },
    'GET /api/incidents/:incidentId': { scoped: true, req: async () => ({ path: `/api/incidents/${await submittedIncident(h())}` }) },
    'GET /api/incidents/aggregate/chart.svg': { scoped: false, req: () => ({ path: '/api/incidents/aggregate/chart.svg?dimension=month' }) },
    'POST /api/incidents/:incidentId/exhibit': {
      scoped: true,
      req: async (f) => ({ path: `/api/incidents/${await submittedIncident(h())}/exhibit`, json: { caseId: f.caseId } }),
    },
    'GET /api/incidents/export/reports.csv': { scoped: false, req: () => ({ path: '/api/incidents/export/reports.csv' }) },
    'GET /api/incidents/export/aggregates.csv': { scoped: false, req: () => ({ path: '/api/incidents/export/aggregates.csv' }) },
    'GET /api/incidents/export/chart.svg': { scoped: false, req: () => ({ path: '/api/incidents/export/chart.svg?dimension=month' }) },
    'GET /api/incidents/export/pattern-report.pdf': { scoped: false, req: () => ({ path: '/api/incidents/export/pattern-report.pdf' }) },
    'POST /api/batches/packets': {
      scoped: false,
      req: () => ({
        path: '/api/batches/packets?formats=docx',
        body: 'id,form,filed_date,residence_state\nm1,I-485,2024-01-02,CA\n',
        headers: { 'content-type': 'text/csv' },
      }),
    },
    'POST /api/reference/287g/imports': {
      scoped: false,
      req: () => ({
        path: '/api/reference/287g/imports?dryRun=true',
        body: 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff’s Office,County,Smith County,Warrant Service Officer,8/20/2025,\n',
        headers: { 'x-filename': 'participatingAgencies09012025.csv', 'content-type': 'application/octet-stream' },
      }),
    },
    'GET /api/jobs': { scoped: false, req: () => ({ path: '/api/jobs' }) },
    'GET /api/jobs/:jobId': { scoped: true, req: async () => ({ path: `/api/jobs/${await finishedJob(h())}` }) },
    'GET /api/jobs/:jobId/result': { scoped: true, req: async () => ({ path: `/api/jobs/${await finishedJob(h())}/result` }) },
    'GET /api/audit': { scoped: false, req: () => ({ path: '/api/audit?limit=5' }) },
  };
}

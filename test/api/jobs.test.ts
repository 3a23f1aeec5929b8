/**
 * Long work as jobs over HTTP (issue 5), on a real server (startServer: store, reference data, job workers):
 * a batch CSV with a bad row becomes a zip of packets and an errors CSV; a 287(g) sheet import makes the new
 * agreement visible to the agency lookup; jobs belong to their organization.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { issueApiToken } from '../../src/auth/api-tokens.ts';
import { startServer, type RunningServer } from '../../src/server/start-server.ts';
import { removeStaleJobDirs } from '../../src/server/job-workers.ts';
import { JOB_RETENTION_DAYS } from '../../src/store/jobs/job-records.ts';
import { storeInternals } from '../../src/store/index.ts';
import { jobs as jobsTable } from '../../src/store/schema.ts';
import { eq } from 'drizzle-orm';
import { pgliteTemplate } from '../../src/store/testing/pglite-template.ts';
import type { Role } from '../../src/store/types.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'writ-jobs-api-'));
let server: RunningServer;
const tokens: Partial<Record<Role | 'otherOrg', string>> = {};

before(async () => {
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    env: { WRIT_TEST: '1', WRIT_ADMIN_PASSWORD: 'correct horse battery staple' },
    store: { inMemory: true, dataDir, envKey: randomBytes(32).toString('base64'), pgliteTemplate: await pgliteTemplate() },
    config: { webDir: null },
  });
  const admin = server.firstAdmin.user!;
  tokens.admin = (await issueApiToken(server.store, admin, 'test')).token;
  for (const role of ['attorney', 'advocate'] as const) {
    const u = await server.store.users.create({ orgId: admin.orgId, email: `${role}@jobs.example`, displayName: role, role, passwordHash: null });
    tokens[role] = (await issueApiToken(server.store, u, 'test')).token;
  }
  const other = await server.store.orgs.create({ name: 'Other office' });
  const otherAdmin = await server.store.users.create({ orgId: other.id, email: 'admin@other.example', displayName: 'Other', role: 'admin', passwordHash: null });
  tokens.otherOrg = (await issueApiToken(server.store, otherAdmin, 'test')).token;
});

after(async () => {
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function call(as: keyof typeof tokens, method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> } = {}) {
  return fetch(server.url + path, { method, headers: { authorization: `Bearer ${tokens[as]}`, ...(init.headers ?? {}) }, ...(init.body ? { body: init.body } : {}) });
}

interface JobOut {
  id: string;
  kind: string;
  status: string;
  progress: { done: number; total: number };
  summary: Record<string, unknown>;
  errorCode: string | null;
}

async function waitFor(jobId: string, as: keyof typeof tokens = 'attorney'): Promise<JobOut> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const res = await call(as, 'GET', `/api/jobs/${jobId}`);
    assert.equal(res.status, 200);
    const job = (await res.json()) as JobOut;
    if (job.status === 'done' || job.status === 'failed') return job;
    if (Date.now() > deadline) assert.fail(`job ${jobId} still ${job.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

const CSV = [
  // Delay cases the analysis engine finds viable (like bench/packet.bench.ts): a held I-485, every applicant step done.
  'id,name,form,receipt_number,filed_date,office_name,interview_date,biometrics_done,rfe_all_answered,applicant_caused_delay,other_remedy_pending,inquiries,queue_order,agency_statement,last_agency_action_date,harm_work,residence_state,residence_county,city,adjudicate_within_days,analysis_date,filing_date',
  'a1,Ana Uno Jobtest,I-485,MSC1990000001,2019-01-12,San Jose Field Office,2021-06-01,yes,yes,no,no,yes,none,pending_background_checks,2021-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
  'a2,Ben Dos Jobtest,I-485,MSC1990000002,2018-02-13,San Jose Field Office,2020-06-01,yes,yes,no,no,yes,none,pending_background_checks,2020-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
  '../x,Cam Tres Jobtest,I-485,MSC1990000003,2018-02-13,San Jose Field Office,2020-06-01,yes,yes,no,no,yes,none,pending_background_checks,2020-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
].join('\n') + '\n';

test('a batch CSV becomes a job: two packets in the zip, the bad row (CSV row 4) in batch-errors.csv', async () => {
  const res = await call('attorney', 'POST', '/api/batches/packets?formats=docx', { body: CSV, headers: { 'content-type': 'text/csv' } });
  assert.equal(res.status, 202, await res.clone().text());
  const { jobId, statusUrl } = (await res.json()) as { jobId: string; statusUrl: string };
  assert.equal(res.headers.get('location'), statusUrl);
  const job = await waitFor(jobId);
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.deepEqual([job.summary.rows, job.summary.ok, job.summary.failed], [3, 2, 1]);
  assert.deepEqual(job.progress, { done: 3, total: 3 });
  assert.doesNotMatch(JSON.stringify(job), /Jobtest/, 'the job status holds no names');

  // Another organization does not see it; an advocate may not read jobs.
  assert.equal((await call('otherOrg', 'GET', `/api/jobs/${jobId}`)).status, 404);
  assert.equal((await call('otherOrg', 'GET', `/api/jobs/${jobId}/result`)).status, 404);
  assert.doesNotMatch(await (await call('otherOrg', 'GET', '/api/jobs')).text(), new RegExp(jobId));
  assert.equal((await call('advocate', 'GET', `/api/jobs/${jobId}`)).status, 403);

  const list = (await (await call('attorney', 'GET', '/api/jobs')).json()) as { jobs: JobOut[] };
  assert.equal(list.jobs[0]!.id, jobId);

  const zipRes = await call('attorney', 'GET', `/api/jobs/${jobId}/result`);
  assert.equal(zipRes.status, 200);
  assert.equal(zipRes.headers.get('content-type'), 'application/zip');
  assert.match(zipRes.headers.get('content-disposition') ?? '', /^attachment; filename="packets-/);
  const zip = await JSZip.loadAsync(await zipRes.arrayBuffer());
  const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
  for (const id of ['a1', 'a2']) {
    assert.ok(names.includes(`${id}/manifest.json`), `${id} has a manifest: ${names.join(', ')}`);
    assert.ok(names.some((n) => n.startsWith(`${id}/`) && n.endsWith('.docx')), `${id} has its documents`);
  }
  assert.ok(!names.some((n) => n.startsWith('../') || n.includes('/../')), 'no path escapes the zip');
  assert.ok(!names.includes('batch-done.txt'));
  const errors = await zip.file('batch-errors.csv')!.async('string');
  assert.match(errors, /^4,\.\.\/x,"id must be/m);
  assert.equal(errors.trim().split('\n').length, 2, 'one error line under the header');

  const auditRes = (await (await call('admin', 'GET', `/api/audit?entity=job&entityId=${jobId}`)).json()) as { entries: { action: string }[] };
  const actions = auditRes.entries.map((e) => e.action);
  for (const a of ['job.create', 'job.start', 'job.done', 'job.result.download']) assert.ok(actions.includes(a), `audited: ${a} (${actions.join(', ')})`);
});

test('a batch is refused with a 4xx that says why: no id column, facts_file, not CSV, advocates', async () => {
  const post = (body: string, as: keyof typeof tokens = 'attorney', type = 'text/csv') =>
    call(as, 'POST', '/api/batches/packets', { body, headers: { 'content-type': type } });
  const noId = await post('name,form\nAna,I-485\n');
  assert.equal(noId.status, 400);
  assert.match(((await noId.json()) as { error: { message: string } }).error.message, /"id" column/);
  const factsFile = await post('id,facts_file\na1,../../etc/passwd\n');
  assert.equal(factsFile.status, 400);
  assert.match(((await factsFile.json()) as { error: { message: string } }).error.message, /facts_file/);
  assert.equal((await post('id\n')).status, 400);
  assert.equal((await post(CSV, 'attorney', 'application/json')).status, 415);
  // A file's bytes (the web app's upload) are read as the CSV.
  const asFile = await post('name,form\nAna,I-485\n', 'attorney', 'application/octet-stream');
  assert.equal(asFile.status, 400);
  assert.match(((await asFile.json()) as { error: { message: string } }).error.message, /"id" column/);
  assert.equal((await post(CSV, 'advocate')).status, 403);
  const es = await call('attorney', 'POST', '/api/batches/packets', { body: 'name\nx\n', headers: { 'content-type': 'text/csv', 'accept-language': 'es' } });
  assert.match(((await es.json()) as { error: { message: string } }).error.message, /columna "id"/);
});

test('a batch can be sent as a multipart form', async () => {
  const form = new FormData();
  form.set('file', new Blob(['id,form,filed_date\nm1,I-485,2019-01-02\n'], { type: 'text/csv' }), 'batch.csv');
  const res = await call('attorney', 'POST', '/api/batches/packets?formats=docx', { body: form });
  assert.equal(res.status, 202, await res.clone().text());
  const job = await waitFor(((await res.json()) as { jobId: string }).jobId);
  assert.equal(job.status, 'done');
  assert.equal(job.summary.rows, 1);
});

test('a 287(g) import job stores the sheet and the agency lookup then finds the new agreement', async () => {
  const lookup = async () =>
    (await (await call('attorney', 'GET', '/api/lookups/agency?name=Smith%20County%20Sheriff&state=TX&on=2025-09-01')).json()) as {
      status: string;
      value?: { agreements: { model: string; signed: string | null; current: boolean }[] };
    };
  const wsoSigned = (r: Awaited<ReturnType<typeof lookup>>) => r.value?.agreements.find((a) => a.model === 'WSO' && a.signed === '2025-08-20');
  assert.equal(wsoSigned(await lookup()), undefined, 'not known before the import');

  const sheet = 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff’s Office,County,Smith County,Warrant Service Officer,8/20/2025,link pending\n';
  const headers = { 'x-filename': 'participatingAgencies09012025.csv', 'content-type': 'application/octet-stream' };
  assert.equal((await call('attorney', 'POST', '/api/reference/287g/imports', { body: sheet, headers })).status, 403);

  // A dry run reports and stores nothing.
  const dry = await call('admin', 'POST', '/api/reference/287g/imports?dryRun=true', { body: sheet, headers });
  assert.equal(dry.status, 202);
  const dryJob = await waitFor(((await dry.json()) as { jobId: string }).jobId, 'admin');
  assert.equal(dryJob.status, 'done', JSON.stringify(dryJob));
  assert.equal(dryJob.summary.stored, false);
  assert.equal(wsoSigned(await lookup()), undefined, 'a dry run changes nothing');

  const res = await call('admin', 'POST', '/api/reference/287g/imports', { body: sheet, headers });
  assert.equal(res.status, 202);
  const { jobId } = (await res.json()) as { jobId: string };
  const job = await waitFor(jobId, 'admin');
  assert.equal(job.status, 'done', JSON.stringify(job));
  assert.deepEqual([job.summary.sheetDate, job.summary.rows, job.summary.stored], ['2025-09-01', 1, true]);
  const report = (await (await call('admin', 'GET', `/api/jobs/${jobId}/result`)).json()) as { date: string; rows: number; diff: { counts: { added: number } } };
  assert.deepEqual([report.date, report.rows], ['2025-09-01', 1]);
  assert.ok(!JSON.stringify(report).includes(dataDir), 'the report does not reveal server paths');

  const after = await lookup();
  assert.equal(after.status, 'found', JSON.stringify(after));
  assert.ok(wsoSigned(after)?.current, 'the imported WSO agreement is found and current');
});

test('an import is refused at once without a date or with the wrong file type; a broken sheet fails the job with its problems', async () => {
  const post = (filename: string, body: string, q = '') =>
    call('admin', 'POST', `/api/reference/287g/imports${q}`, { body, headers: { 'x-filename': filename, 'content-type': 'application/octet-stream' } });
  const noDate = await post('agencies.csv', 'STATE\n');
  assert.equal(noDate.status, 400);
  assert.match(((await noDate.json()) as { error: { message: string } }).error.message, /date=YYYY-MM-DD/);
  assert.equal((await post('sheet.pdf', 'x', '?date=2025-09-01')).status, 400);
  const broken = await post('agencies.csv', 'NOTHING,USEFUL\n1,2\n', '?date=2025-09-02');
  assert.equal(broken.status, 202);
  const { jobId } = (await broken.json()) as { jobId: string };
  const job = await waitFor(jobId, 'admin');
  assert.deepEqual([job.status, job.errorCode], ['failed', 'sheet_format']);
  const report = (await (await call('admin', 'GET', `/api/jobs/${jobId}/result`)).json()) as { issues: { code: string }[] };
  assert.ok(report.issues.length > 0);
});

test('job directories a crashed server left behind are removed when old enough; recent ones (a running job) are kept', async () => {
  const root = mkdtempSync(join(tmpdir(), 'writ-jobs-root-'));
  try {
    for (const name of ['writ-job-old', 'writ-job-new', 'other-old']) mkdirSync(join(root, name));
    const old = new Date(Date.now() - 8 * 60 * 60 * 1000);
    utimesSync(join(root, 'writ-job-old'), old, old);
    utimesSync(join(root, 'other-old'), old, old);
    assert.equal(await removeStaleJobDirs(root), 1);
    assert.deepEqual([existsSync(join(root, 'writ-job-old')), existsSync(join(root, 'writ-job-new')), existsSync(join(root, 'other-old'))], [false, true, true]);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test(`retention: the server's housekeeping deletes jobs finished more than ${JOB_RETENTION_DAYS} days ago (input and result); newer and unfinished jobs stay`, async () => {
  const admin = server.firstAdmin.user!;
  const actor = { userId: admin.id, orgId: admin.orgId, role: admin.role };
  const make = () => server.store.jobRecords.create(actor, { kind: 'packet-batch', input: Buffer.from('id\nr1\n'), summary: { rows: 1 }, total: 1 });
  const [old, recent, queued] = [await make(), await make(), await make()];
  for (const j of [old, recent]) await server.store.jobRecords.finish(j.id, { status: 'done', result: Buffer.from('zip') });
  const { db } = storeInternals(server.store).ctx;
  const day = 24 * 60 * 60 * 1000;
  await db.update(jobsTable).set({ finishedAt: new Date(Date.now() - (JOB_RETENTION_DAYS + 1) * day) }).where(eq(jobsTable.id, old.id));
  await db.update(jobsTable).set({ finishedAt: new Date(Date.now() - (JOB_RETENTION_DAYS - 1) * day) }).where(eq(jobsTable.id, recent.id));
  await db.update(jobsTable).set({ createdAt: new Date(Date.now() - 90 * day) }).where(eq(jobsTable.id, queued.id));

  await server.housekeeping();
  assert.equal((await call('admin', 'GET', `/api/jobs/${old.id}`)).status, 404, 'the old job and its result are gone');
  assert.equal((await call('admin', 'GET', `/api/jobs/${old.id}/result`)).status, 404);
  assert.equal((await call('admin', 'GET', `/api/jobs/${recent.id}/result`)).status, 200, 'a job finished 29 days ago keeps its result');
  assert.equal((await call('admin', 'GET', `/api/jobs/${queued.id}`)).status, 200, 'an unfinished job is never deleted');
  const entries = await server.store.audit.list(actor, { entity: 'job', entityId: old.id });
  assert.ok(entries.some((e) => e.action === 'job.delete.retention'), 'the deletion is audited');
});

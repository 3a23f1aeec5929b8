/**
 * Several Writ servers on one PostgreSQL database share the work (issue 5): a batch posted to server A, which runs no
 * workers, is done by server B from the input stored (encrypted) in the database, and its result is downloaded from
 * server A; a 287(g) sheet imported through server B is stored in the database, and server A's agency lookup finds
 * the new agreement without a restart. Fails (never skips) when the PostgreSQL binaries are missing: CI installs them
 * (.ci/run).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import JSZip from 'jszip';
import { issueApiToken } from '../../src/auth/api-tokens.ts';
import { startServer } from '../../src/server/start-server.ts';
import { startPostgres } from '../../src/store/testing/start-postgres.ts';

const CSV = [
  'id,name,form,receipt_number,filed_date,office_name,interview_date,biometrics_done,rfe_all_answered,applicant_caused_delay,other_remedy_pending,inquiries,queue_order,agency_statement,last_agency_action_date,harm_work,residence_state,residence_county,city,adjudicate_within_days,analysis_date,filing_date',
  'b1,Ana Uno,I-485,MSC1990000001,2019-01-12,San Jose Field Office,2021-06-01,yes,yes,no,no,yes,none,pending_background_checks,2021-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
  'b2,Ben Dos,I-485,NOT-A-RECEIPT,2019-01-12,San Jose Field Office,2021-06-01,yes,yes,no,no,yes,none,pending_background_checks,2021-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15',
].join('\n') + '\n';

test('PostgreSQL: a batch queued through one server is done by another; a sheet imported through one is used by the other', async () => {
  const pg = await startPostgres();
  const envKey = randomBytes(32).toString('base64');
  const env = { WRIT_TEST: '1', WRIT_ADMIN_PASSWORD: 'correct horse battery staple' };
  const common = { port: 0, host: '127.0.0.1', env, config: { webDir: null }, referenceCheckMs: 300 };
  const a = await startServer({ ...common, store: { databaseUrl: pg.url, envKey, jobs: false } });
  let b: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    const admin = a.firstAdmin.user!;
    const token = (await issueApiToken(a.store, admin, 'test')).token;
    const call = (path: string, init: RequestInit = {}) =>
      fetch(a.url + path, { ...init, headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) } });

    const res = await call('/api/batches/packets?formats=docx', { method: 'POST', body: CSV, headers: { 'content-type': 'text/csv' } });
    assert.equal(res.status, 202, await res.clone().text());
    const { jobId } = (await res.json()) as { jobId: string };
    // Server A runs no workers: the job waits in the database.
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(((await (await call(`/api/jobs/${jobId}`)).json()) as { status: string }).status, 'queued');

    b = await startServer({ ...common, store: { databaseUrl: pg.url, envKey } });
    let job: { status: string; summary: Record<string, unknown> } = { status: 'queued', summary: {} };
    const deadline = Date.now() + 120_000;
    while (job.status !== 'done' && job.status !== 'failed') {
      assert.ok(Date.now() < deadline, `still ${job.status}`);
      await new Promise((r) => setTimeout(r, 250));
      job = (await (await call(`/api/jobs/${jobId}`)).json()) as typeof job;
    }
    assert.equal(job.status, 'done', JSON.stringify(job));
    assert.deepEqual([job.summary.ok, job.summary.failed], [1, 1]);
    const zip = await JSZip.loadAsync(await (await call(`/api/jobs/${jobId}/result`)).arrayBuffer());
    assert.ok(zip.file('b1/manifest.json'));
    assert.match(await zip.file('batch-errors.csv')!.async('string'), /^3,b2,/m);

    // A 287(g) sheet imported through server B: server A (no workers, no restart) then knows the new agreement.
    const lookupOnA = async () =>
      (await (await call('/api/lookups/agency?name=Smith%20County%20Sheriff&state=TX&on=2025-09-01')).json()) as {
        value?: { agreements: { model: string; signed: string | null; current: boolean }[] };
      };
    const wso = (r: Awaited<ReturnType<typeof lookupOnA>>) => r.value?.agreements.find((x) => x.model === 'WSO' && x.signed === '2025-08-20');
    assert.equal(wso(await lookupOnA()), undefined, 'not known before the import');
    const tokenB = (await issueApiToken(b.store, admin, 'test-b')).token;
    const sheet = 'STATE,LAW ENFORCEMENT AGENCY,TYPE,COUNTY,SUPPORT TYPE,SIGNED,MOA\nTEXAS,Smith County Sheriff’s Office,County,Smith County,Warrant Service Officer,8/20/2025,link pending\n';
    const imp = await fetch(b.url + '/api/reference/287g/imports', {
      method: 'POST',
      body: sheet,
      headers: { authorization: `Bearer ${tokenB}`, 'x-filename': 'participatingAgencies09012025.csv', 'content-type': 'application/octet-stream' },
    });
    assert.equal(imp.status, 202, await imp.clone().text());
    const importId = ((await imp.json()) as { jobId: string }).jobId;
    let found = wso(await lookupOnA());
    while (!found) {
      assert.ok(Date.now() < deadline, 'server A never saw the imported sheet');
      await new Promise((r) => setTimeout(r, 250));
      found = wso(await lookupOnA());
    }
    assert.equal(found.current, true);
    assert.equal(((await (await call(`/api/jobs/${importId}`)).json()) as { status: string }).status, 'done');
  } finally {
    await b?.close();
    await a.close();
    await pg.stop();
  }
});

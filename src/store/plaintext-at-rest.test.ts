// The plaintext test (issue 5): a unique name planted in a case's facts, a party, an evidence file name and its
// content, and a batch job's CSV and result, must appear in no file of the PGlite data directory, in no backup file,
// and in no log output. Then the keys are rotated and everything is still readable, with the old key gone from the
// key file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore, storeInternals, type Actor, type Store } from './index.ts';
import { writeBackup } from './backup.ts';
import { countStale, rotateKeys } from './rotate-keys.ts';
import { pgliteTemplate } from './testing/pglite-template.ts';
import JSZip from 'jszip';
import { runPacketBatchJob } from '../server/job-workers.ts';
import { loadReference } from '../data/load-reference.ts';

const PLANTED = 'Zyxwquartz Plantedname';
const needles = [PLANTED, 'Zyxwquartz', 'Plantedname'].flatMap((s) => [Buffer.from(s, 'utf8'), Buffer.from(s, 'utf16le')]);

/** Every file under `root` whose bytes contain a needle. */
function filesContaining(root: string): string[] {
  const hits: string[] = [];
  for (const rel of readdirSync(root, { recursive: true })) {
    const p = join(root, String(rel));
    if (!statSync(p).isFile()) continue;
    const bytes = readFileSync(p);
    if (needles.some((n) => bytes.includes(n))) hits.push(p);
  }
  return hits;
}

let dir: string;
let dataDir: string;
let store: Store;
let actor: Actor;
const logs: string[] = [];
const consoleLines: string[] = [];
const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
let caseId = '';
let evidenceId = '';
let jobId = '';

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'writ-plaintext-'));
  dataDir = join(dir, 'data');
  for (const k of Object.keys(originals) as (keyof typeof originals)[]) {
    console[k] = (...args: unknown[]) => void consoleLines.push(args.map(String).join(' '));
  }
  // The default key file (<data-dir>/keys.json) is created on first run.
  store = await openStore({ dataDir, env: {}, log: (l) => logs.push(l), pgliteTemplate: await pgliteTemplate() });
  const org = await store.orgs.create({ name: 'Legal Aid' });
  const user = await store.users.create({ orgId: org.id, email: 'a@legal.example', displayName: 'A', role: 'attorney', passwordHash: 'h' });
  actor = { userId: user.id, orgId: org.id, role: 'attorney' };
  const c = await store.cases.create(actor, {
    title: `${PLANTED} v. Field Office Director`,
    facts: { person: { name: PLANTED, aNumber: 'A012345678', dob: '1990-01-01' }, narrative: `${PLANTED} was detained at 5 p.m.` },
    note: `intake with ${PLANTED}`,
  });
  caseId = c.id;
  await store.cases.addRevision(actor, caseId, { facts: { person: { name: PLANTED } }, note: `update for ${PLANTED}` });
  await store.parties.add(actor, caseId, { role: 'petitioner', name: PLANTED, details: { address: `${PLANTED} house, 1 Main St` } });
  const ev = await store.evidence.put(actor, caseId, {
    filename: `${PLANTED} declaration.txt`,
    stream: [Buffer.from(`I, ${PLANTED}, declare under penalty of perjury... `.repeat(50))],
  });
  evidenceId = ev.id;
  await store.documents.put(actor, caseId, { kind: 'packet', filename: `${PLANTED} petition.pdf`, contentType: 'application/pdf', bytes: Buffer.from(`%PDF-1.7 ${PLANTED}`) });
  await store.docket.addEvent(actor, caseId, { kind: 'complaint-filed', date: '2026-03-02', note: `filed for ${PLANTED}` });
  // Reads exercise the read paths (and their logging) too.
  assert.equal((await store.cases.get(actor, caseId)).title.startsWith(PLANTED), true);
  assert.ok((await store.evidence.read(actor, evidenceId, 'exported')).bytes.includes(Buffer.from(PLANTED)));
  await store.parties.list(actor, caseId);
  await store.jobs.enqueue('test.noop', { caseId });
  // A batch of packets run as a job (issue 5): the name is in the uploaded CSV and in the complaints of the result.
  const job = await store.jobRecords.create(actor, {
    kind: 'packet-batch',
    input: Buffer.from(
      'id,name,form,receipt_number,filed_date,office_name,interview_date,biometrics_done,rfe_all_answered,applicant_caused_delay,other_remedy_pending,inquiries,queue_order,agency_statement,last_agency_action_date,harm_work,residence_state,residence_county,city,adjudicate_within_days,analysis_date,filing_date\n' +
        `p1,${PLANTED},I-485,MSC1990000001,2019-01-12,San Jose Field Office,2021-06-01,yes,yes,no,no,yes,none,pending_background_checks,2021-09-15,yes,CA,Santa Clara County,San Jose,30,2026-06-15,2026-06-15\n`,
    ),
    summary: { formats: 'docx' },
  });
  jobId = job.id;
  await runPacketBatchJob(
    { store, reference: () => loadReference({ shippedOnly: true }), reloadReference: async () => {}, log: (l) => logs.push(l) },
    job.id,
  );
  const { bytes } = await store.jobRecords.readResult(actor, job.id);
  const zip = await JSZip.loadAsync(bytes);
  const docx = await JSZip.loadAsync(await zip.file(Object.keys(zip.files).find((n) => n.startsWith('p1/') && n.endsWith('.docx'))!)!.async('uint8array'));
  assert.ok((await docx.file('word/document.xml')!.async('string')).includes(PLANTED), 'the result holds the complaint with the name (control)');
});

after(async () => {
  Object.assign(console, originals);
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the scanner finds the name where it is (control)', () => {
  const control = join(dir, 'control');
  mkdirSync(control);
  writeFileSync(join(control, 'utf8.txt'), `x ${PLANTED} y`);
  writeFileSync(join(control, 'utf16.txt'), Buffer.from(`x ${PLANTED} y`, 'utf16le'));
  writeFileSync(join(control, 'clean.txt'), 'nothing here');
  assert.deepEqual(filesContaining(control).sort(), [join(control, 'utf16.txt'), join(control, 'utf8.txt')]);
});

test('the planted name is in no file of the data directory, no backup, no log', async () => {
  const { ctx } = storeInternals(store);
  const backups = join(dir, 'backups');
  mkdirSync(backups);
  await writeBackup(ctx.db, ctx.ring, join(backups, 'keyring.writbak'));
  await store.maintenance.backup(join(backups, 'passphrase.writbak'), { passphrase: 'a long passphrase here', actor });
  const entry = (await store.audit.list(actor, { entity: 'database' }))[0];
  assert.equal(entry?.action, 'store.backup');
  // Checkpoint so PGlite writes its data files, not only the WAL (both are scanned).
  await storeInternals(store).database.query('checkpoint');
  assert.ok(readdirSync(dataDir, { recursive: true }).length > 100, 'the data directory holds the database files');
  assert.deepEqual(filesContaining(dataDir), []);
  assert.deepEqual(filesContaining(backups), []);
  assert.ok(logs.length > 0, 'the store logged something');
  const allLogs = [...logs, ...consoleLines].join('\n');
  assert.equal(allLogs.includes('Zyxwquartz') || allLogs.includes('Plantedname'), false, allLogs);
});

test('keys rotate: everything is re-encrypted under a new key, still readable, and the old key is gone', async () => {
  const internals = storeInternals(store);
  const keyFile = internals.keyFile!;
  assert.equal(keyFile, join(dataDir, 'keys.json'));
  const oldId = internals.ctx.ring.currentKeyId;
  const result = await rotateKeys(internals.ctx, keyFile);
  assert.notEqual(result.newKeyId, oldId);
  assert.ok(result.reencrypted.case_revisions! >= 2 && result.reencrypted.evidence! >= 2 && result.reencrypted.parties! >= 2);
  assert.ok(result.reencrypted.jobs! >= 2, 'the job input and result are re-encrypted');
  assert.equal(result.oldKeysRemoved, true);
  const file = JSON.parse(readFileSync(keyFile, 'utf8')) as { current: string; keys: { id: string }[] };
  assert.deepEqual(file.keys.map((k) => k.id), [result.newKeyId]);
  assert.equal(await countStale(internals.ctx, internals.ctx.ring), 0);
  const c = await store.cases.get(actor, caseId);
  assert.equal(c.title.startsWith(PLANTED), true);
  assert.equal((await store.cases.listRevisions(actor, caseId))[0]!.note, `intake with ${PLANTED}`);
  assert.ok((await store.evidence.read(actor, evidenceId)).bytes.includes(Buffer.from(PLANTED)));
  assert.equal((await store.parties.list(actor, caseId))[0]!.name, PLANTED);
  assert.ok((await store.jobRecords.readInput(jobId)).input.includes(Buffer.from(PLANTED)));
  // Running it again finds nothing left under an old key and re-encrypts everything again, under a newer key.
  const again = await rotateKeys(internals.ctx, keyFile, { keepOld: true });
  assert.equal((JSON.parse(readFileSync(keyFile, 'utf8')) as { keys: unknown[] }).keys.length, 2);
  assert.equal(again.oldKeysRemoved, false);
});

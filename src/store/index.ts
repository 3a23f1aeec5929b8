/**
 * The store: `openStore(options)` opens the database (PGlite in the data directory by default, PostgreSQL when
 * DATABASE_URL is set), runs migrations, loads the key ring and returns the use-case functions grouped by area.
 * See docs/store.md.
 */
import { loadKeyRing } from '../crypto/key-ring.ts';
import { KeyError } from '../crypto/key-ring.ts';
import { apiTokensApi, loginAttemptsApi, orgsApi, sessionsApi, usersApi } from './accounts.ts';
import { auditApi } from './audit-log.ts';
import { casesApi, partiesApi } from './cases.ts';
import type { StoreContext } from './context.ts';
import { resolveDataDir, resolveKeyFile } from './data-dir.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { docketApi } from './docket.ts';
import { documentsApi } from './documents.ts';
import { evidenceApi } from './evidence.ts';
import { incidentsApi } from './incidents.ts';
import { ensureFirstAdmin } from './first-admin.ts';
import { maintenanceApi } from './maintenance.ts';
import { createJobs } from './jobs/create-jobs.ts';
import { jobRecordsApi } from './jobs/job-records.ts';
import { referenceSheetsApi } from './reference-sheets.ts';
import { openPglite, openPostgres, type OpenedDatabase } from './open-database.ts';
import { StoreError, type Store, type StoreOptions } from './types.ts';

export * from './types.ts';
export { resolveDataDir, resolveKeyFile } from './data-dir.ts';

export const DEFAULT_EVIDENCE_MAX_BYTES = 50 * 1024 * 1024;

/** Internals for the store's own commands (backup, restore, keys rotate); not for routes. */
export interface StoreInternals {
  ctx: StoreContext;
  database: OpenedDatabase;
  keyFile: string | null;
}

const internals = new WeakMap<Store, StoreInternals>();

export function storeInternals(store: Store): StoreInternals {
  const i = internals.get(store);
  if (!i) throw new Error('Not a store opened by openStore().');
  return i;
}

function evidenceLimit(options: StoreOptions, env: NodeJS.ProcessEnv): number {
  const raw = options.evidenceMaxBytes ?? (env.WRIT_EVIDENCE_MAX_BYTES ? Number(env.WRIT_EVIDENCE_MAX_BYTES) : DEFAULT_EVIDENCE_MAX_BYTES);
  if (!Number.isInteger(raw) || raw < 1) {
    throw new StoreError('invalid', 'WRIT_EVIDENCE_MAX_BYTES must be a whole number of bytes (e.g. 52428800 for 50 MB).');
  }
  return raw;
}

/** Opens the store. Throws StoreError ('locked', 'key', 'invalid') with a message that says what to do. */
export async function openStore(options: StoreOptions = {}): Promise<Store> {
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const databaseUrl = options.databaseUrl ?? (env.DATABASE_URL || undefined);
  const dataDir = options.inMemory && !options.dataDir ? null : resolveDataDir(options.dataDir);
  const evidenceMaxBytes = evidenceLimit(options, env);

  const envKey = options.envKey ?? env.WRIT_KEY;
  const keyFile =
    envKey || !(options.keyFile || env.WRIT_KEY_FILE || dataDir) ? null : resolveKeyFile(options.keyFile, dataDir ?? '', env);
  if (!envKey && !keyFile) {
    throw new StoreError('key', 'No encryption key: set WRIT_KEY (base64 of 32 bytes) or WRIT_KEY_FILE.');
  }

  let release: (() => void) | null = null;
  let database: OpenedDatabase;
  let ring;
  try {
    ring = loadKeyRing({ envKey, keyFile: keyFile ?? '', create: options.createKeyFile ?? true });
  } catch (e) {
    if (e instanceof KeyError) throw new StoreError('key', e.message);
    throw e;
  }
  if (databaseUrl) {
    database = await openPostgres(databaseUrl);
  } else {
    if (dataDir && !options.inMemory) release = lockDataDir(dataDir);
    try {
      database = await openPglite(options.inMemory ? null : dataDir, options.pgliteTemplate);
    } catch (e) {
      release?.();
      throw e;
    }
  }
  log(`store: opened ${database.driver}${database.driver === 'pglite' && !options.inMemory ? ' data directory' : ''}`);

  const ctx: StoreContext = { db: database.db, ring, log, evidenceMaxBytes };
  let jobs;
  try {
    jobs = await createJobs(database, log, options.jobs ?? true);
  } catch (e) {
    await database.close().catch(() => {});
    release?.();
    throw e;
  }

  const orgs = orgsApi(ctx);
  const users = usersApi(ctx);
  let closed = false;
  const store: Store = {
    info: { driver: database.driver, dataDir: database.driver === 'pglite' ? dataDir : null, evidenceMaxBytes },
    orgs,
    users,
    sessions: sessionsApi(ctx),
    apiTokens: apiTokensApi(ctx),
    loginAttempts: loginAttemptsApi(ctx),
    cases: casesApi(ctx),
    parties: partiesApi(ctx),
    docket: docketApi(ctx),
    documents: documentsApi(ctx),
    evidence: evidenceApi(ctx),
    audit: auditApi(ctx),
    maintenance: maintenanceApi(ctx, keyFile),
    incidents: incidentsApi(ctx),
    jobs,
    jobRecords: jobRecordsApi(ctx),
    referenceSheets: referenceSheetsApi(ctx),
    ensureFirstAdmin: (input) => ensureFirstAdmin({ orgs, users }, input),
    async close() {
      if (closed) return;
      closed = true;
      await jobs.stop();
      await database.close();
      release?.();
      log('store: closed');
    },
  };
  internals.set(store, { ctx, database, keyFile });
  return store;
}

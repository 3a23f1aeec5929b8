/**
 * Starts the API on a real socket: opens the store (PGlite in the data directory, or PostgreSQL by DATABASE_URL; the
 * store refuses a second process on the same directory), creates the first admin on first run, loads the reference
 * data (shipped sheets + 287(g) sheets imported into the database, rebuilt when another server imports one:
 * src/data/imported-sheets.ts), starts the job workers (batch packets, 287(g) imports: src/server/job-workers.ts),
 * serves the built web app when present, and listens. Hourly (and at start) it removes expired sessions, old login
 * attempts, and finished jobs older than the job retention (30 days). `writ serve`, the server tests and the
 * benchmark use it.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { hashPassword } from '../auth/password.ts';
import { commandDataDir, migrateLegacySheets, referenceFromStore, watchReference, type ReferenceWatch } from '../data/imported-sheets.ts';
import { JOB_RETENTION_DAYS } from '../store/jobs/job-records.ts';
import type { Reference } from '../core/reference/reference.ts';
import { DEFAULT_EVIDENCE_MAX_BYTES, openStore, StoreError, type FirstAdminResult, type Store, type StoreOptions } from '../store/index.ts';
import { createApp } from './app.ts';
import type { Hono } from 'hono';
import { DEFAULT_CONFIG, type AppEnv, type ServerConfig, type ServerDeps } from './deps.ts';
import { startJobWorkers } from './job-workers.ts';
import { defaultWebDir } from './static-web.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface StartOptions {
  port: number;
  host: string;
  store?: StoreOptions;
  config?: Partial<ServerConfig>;
  /** WRIT_ADMIN_EMAIL / WRIT_ADMIN_PASSWORD for the first admin. */
  env?: NodeJS.ProcessEnv;
  /** Load the reference data (default true). */
  reference?: boolean;
  /** How often to check the database for 287(g) sheets imported by another server (default REFERENCE_CHECK_MS). */
  referenceCheckMs?: number;
  /** Adds routes to the app before it listens (the benchmark's baseline route). */
  configure?: (app: Hono<AppEnv>) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  store: Store;
  firstAdmin: FirstAdminResult;
  referenceLoaded: boolean;
  webDir: string | null;
  /** Runs the hourly housekeeping now (sessions, login attempts, job retention); for tests and operators. */
  housekeeping: () => Promise<void>;
  close: () => Promise<void>;
}

/** The evidence limit the store will use (same rule as the store: option, else WRIT_EVIDENCE_MAX_BYTES, else 50 MB). */
function evidenceLimit(options: StoreOptions | undefined, env: NodeJS.ProcessEnv): number {
  const raw = options?.evidenceMaxBytes ?? (env.WRIT_EVIDENCE_MAX_BYTES ? Number(env.WRIT_EVIDENCE_MAX_BYTES) : DEFAULT_EVIDENCE_MAX_BYTES);
  return Number.isInteger(raw) && raw > 0 ? raw : DEFAULT_EVIDENCE_MAX_BYTES;
}

export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const env = opts.env ?? process.env;
  const maxEvidenceBytes = evidenceLimit(opts.store, env);
  const store = await openStore({
    ...(opts.config?.log ? { log: opts.config.log } : {}),
    ...opts.store,
    evidenceMaxBytes: maxEvidenceBytes,
    env,
  });
  let server: ServerType | null = null;
  try {
    const firstAdmin = await store.ensureFirstAdmin({
      hashPassword,
      ...(env.WRIT_ADMIN_PASSWORD ? { password: env.WRIT_ADMIN_PASSWORD } : {}),
      ...(env.WRIT_ADMIN_EMAIL ? { email: env.WRIT_ADMIN_EMAIL } : {}),
    });
    let reference: Reference | null = null;
    let referenceVersion = '';
    if (opts.reference !== false) {
      try {
        // Sheets an older Writ imported into this data directory move to the database, where every server sees them.
        const legacyDir = store.info.dataDir ?? commandDataDir(undefined, env);
        const moved = await migrateLegacySheets(store, legacyDir);
        if (moved) opts.config?.log?.(`reference: ${moved} imported 287(g) sheets moved from the data directory to the database`);
        ({ reference, version: referenceVersion } = await referenceFromStore(store));
      } catch {
        reference = null; // reported by the caller; lookups answer 503
      }
    }
    const webDir = opts.config?.webDir !== undefined ? opts.config.webDir : defaultWebDir();
    const served = webDir && existsSync(join(webDir, 'index.html')) ? webDir : null;
    const deps: ServerDeps = {
      store,
      reference,
      config: { ...DEFAULT_CONFIG, maxEvidenceBytes, ...opts.config, webDir: served },
    };
    const app = createApp(deps);
    let watch: ReferenceWatch | null = null;
    if (reference) {
      watch = watchReference(store, {
        version: referenceVersion,
        ...(opts.referenceCheckMs ? { intervalMs: opts.referenceCheckMs } : {}),
        onReload: (r) => {
          deps.reference = r;
        },
        log: deps.config.log,
      });
    }
    if (opts.store?.jobs !== false) {
      // Long work (batch packets, 287(g) imports) from the job queue; on PostgreSQL shared with other servers.
      await startJobWorkers({
        store,
        reference: () => deps.reference,
        reloadReference: async () => watch?.check(),
        log: deps.config.log,
      });
    }
    opts.configure?.(app);
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host });
    server = s;
    // Headers must arrive within 30 s (slow-header attacks); a whole request may take 20 minutes (a 50 MB upload
    // over a slow connection).
    Object.assign(s, { headersTimeout: 30_000, requestTimeout: 20 * 60_000 });
    await new Promise<void>((resolve, reject) => {
      s.once('listening', () => resolve());
      s.once('error', reject);
    });
    const port = (s.address() as AddressInfo).port;
    // Housekeeping (hourly, and once at start): expired sessions, login attempts older than a day, and finished jobs
    // (their encrypted input and result) older than JOB_RETENTION_DAYS go away.
    const housekeeping = async () => {
      const now = new Date();
      await store.sessions.deleteExpired(now).catch(() => 0);
      await store.loginAttempts.prune(new Date(now.getTime() - 24 * 60 * 60 * 1000)).catch(() => 0);
      // The store logs how many it deleted.
      await store.jobRecords.deleteFinished(new Date(now.getTime() - JOB_RETENTION_DAYS * 24 * 60 * 60 * 1000)).catch(() => 0);
    };
    void housekeeping();
    const timer = setInterval(() => void housekeeping(), 60 * 60 * 1000);
    timer.unref();
    const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
    let closing: Promise<void> | null = null;
    return {
      url: `http://${hostForUrl}:${port}`,
      port,
      store,
      firstAdmin,
      referenceLoaded: reference !== null,
      webDir: served,
      housekeeping,
      close: () =>
        (closing ??= (async () => {
          clearInterval(timer);
          watch?.stop();
          await new Promise<void>((resolve) => {
            s.close(() => resolve());
            (s as { closeIdleConnections?: () => void }).closeIdleConnections?.();
            setTimeout(() => (s as { closeAllConnections?: () => void }).closeAllConnections?.(), 2000).unref();
          });
          await store.close();
        })()),
    };
  } catch (e) {
    server?.close();
    await store.close();
    if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new StoreError('conflict', `Port ${opts.port} on ${opts.host} is in use. Choose another with --port.`);
    }
    throw e;
  }
}

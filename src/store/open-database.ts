/**
 * Opens the database: PGlite in a data directory (default) or PostgreSQL (a URL), runs the one set of migrations,
 * and returns a drizzle database that the rest of the store uses without knowing which driver is underneath.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { StoreError } from './types.ts';

export type Db = PgDatabase<PgQueryResultHKT>;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface OpenedDatabase {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Runs raw SQL and returns rows (both drivers). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** For pg-boss on PostgreSQL. */
  connectionString?: string;
  /** PGlite only: the database files as a tarball (for test templates). */
  dumpDataDir?: () => Promise<Blob>;
  /** For pg-boss on PGlite: runs pg-boss's SQL on the one embedded connection. */
  bossDb?: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };
}

/**
 * PGlite in `<dataDir>/pgdata`, or in memory when dataDir is null. `template`: a tarball of an already-created
 * database (see testing/pglite-template.ts) to start from instead of creating one, which is several times faster.
 */
export async function openPglite(dataDir: string | null, template?: Blob): Promise<OpenedDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  let client;
  if (dataDir) {
    const pgdata = join(dataDir, 'pgdata');
    mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    client = await PGlite.create(pgdata, template ? { loadDataDir: template } : {});
  } else {
    client = await PGlite.create(template ? { loadDataDir: template } : {});
  }
  const db = drizzle({ client }) as unknown as Db;
  await migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER });
  return {
    db,
    driver: 'pglite',
    query: async (text, params) => (await client.query(text, params ?? [])).rows as never,
    dumpDataDir: async () => (await client.dumpDataDir('none')) as Blob,
    bossDb: {
      // pg-boss sends multi-statement scripts without parameters (exec) and single statements with them (query).
      async executeSql(text, values) {
        if (!values || values.length === 0) {
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        }
        return { rows: (await client.query(text, values as never[])).rows };
      },
    },
    close: async () => {
      await client.close();
    },
  };
}

/** PostgreSQL at a URL. Migrations run under an advisory lock, so several servers can start at once. */
export async function openPostgres(url: string): Promise<OpenedDatabase> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (server restart) must not crash the process.
  pool.on('error', () => {});
  const db = drizzle({ client: pool }) as unknown as Db;
  let lockClient;
  try {
    lockClient = await pool.connect();
  } catch (e) {
    await pool.end().catch(() => {});
    const code = (e as { code?: string }).code ?? (e as Error).name;
    // Never echo the URL: it may hold a password.
    throw new StoreError(
      'unavailable',
      `Cannot connect to the PostgreSQL database in DATABASE_URL (${code}). Check that the server is running and that ` +
        'the host, port, user, password and database name in the URL are right.',
    );
  }
  try {
    await lockClient.query('select pg_advisory_lock(7283910)');
    await migrate(drizzle({ client: lockClient }) as never, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query('select pg_advisory_unlock(7283910)').catch(() => {});
    lockClient.release();
  }
  return {
    db,
    driver: 'postgres',
    connectionString: url,
    query: async (text, params) => (await pool.query(text, params ?? [])).rows as never,
    close: async () => {
      await pool.end();
    },
  };
}

/** True when the database holds no rows in any Writ table (restore checks this). */
export async function isEmpty(db: Db, tables: readonly { name: string }[]): Promise<boolean> {
  for (const t of tables) {
    const r = (await db.execute(sql.raw(`select 1 from "${t.name}" limit 1`))) as unknown as { rows: unknown[] };
    if (r.rows.length > 0) return false;
  }
  return true;
}

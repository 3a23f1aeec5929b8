/**
 * Starts a throwaway PostgreSQL server for tests: `initdb` into a temporary directory, listen on 127.0.0.1 only
 * on a free port, and remove everything on stop(). When running as root, the server runs as user `postgres`
 * (PostgreSQL refuses to run as root). Binaries: $PG_BIN, else /usr/lib/postgresql/<newest>/bin, else PATH.
 *
 * Missing binaries are an error, never a silent skip: install PostgreSQL (`apt-get install postgresql`; .ci/run does).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TestPostgres {
  /** URL of the `postgres` database. */
  url: string;
  port: number;
  /** Creates another empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** The directory holding initdb and pg_ctl, or throws saying how to install them. */
export function findPostgresBin(env: NodeJS.ProcessEnv = process.env): string {
  const candidates: string[] = [];
  if (env.PG_BIN) candidates.push(env.PG_BIN);
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(base, v, 'bin'));
  }
  for (const dir of (env.PATH ?? '').split(':')) if (dir) candidates.push(dir);
  for (const dir of candidates) {
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) were not found. Install them (Debian: apt-get install postgresql) ' +
      'or set PG_BIN to their directory. The PostgreSQL half of the store suite needs them.',
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'writ-pg-'));
  const data = join(dir, 'data');
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] as const : [join(bin, cmd), args] as const;
    const res = spawnSync(full[0], [...full[1]], { encoding: 'utf8', cwd: dir });
    if (res.status !== 0) {
      throw new Error(`${cmd} failed (exit ${res.status}): ${(res.stderr || res.stdout || String(res.error)).slice(0, 2000)}`);
    }
    return res.stdout;
  };
  try {
    run('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
    let port = 0;
    for (let attempt = 0; ; attempt++) {
      port = await freePort();
      try {
        run('pg_ctl', [
          '-D', data, '-w', '-t', '60', '-l', join(dir, 'server.log'),
          '-o', `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`,
          'start',
        ]);
        break;
      } catch (e) {
        if (attempt >= 2) throw e;
      }
    }
    const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
    let stopped = false;
    return {
      url,
      port,
      async createDatabase(name: string) {
        if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Bad database name ${name}`);
        const pg = (await import('pg')).default;
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        try {
          await c.query(`create database ${name}`);
        } finally {
          await c.end();
        }
        return `postgres://postgres@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        if (stopped) return;
        stopped = true;
        try {
          run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

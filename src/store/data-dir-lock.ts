/**
 * PGlite has no file lock of its own, and two processes on one data directory would corrupt it. This lock file
 * (`<data-dir>/writ.lock`, holding the owner's pid) refuses a second process clearly. A lock left by a process that
 * no longer runs is taken over.
 */
import { openSync, writeSync, closeSync, readFileSync, unlinkSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { StoreError } from './types.ts';

export const LOCK_FILE = 'writ.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

function readLock(path: string): LockInfo | null {
  try {
    const info = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    return typeof info.pid === 'number' ? info : null;
  } catch {
    return null;
  }
}

/** The lock file's modification time in ms (0 when it is gone). */
function lockAgeStart(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Takes the data directory's lock; returns a function that releases it. StoreError 'locked' when held. */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const path = join(dataDir, LOCK_FILE);
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        const now = readLock(path);
        if (now && now.pid === process.pid) {
          try {
            unlinkSync(path);
          } catch {
            /* already gone */
          }
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = readLock(path);
      if (held && held.pid !== process.pid && held.host === info.host && isAlive(held.pid)) {
        throw new StoreError(
          'locked',
          `The data directory ${dataDir} is in use by another Writ process (pid ${held.pid}). ` +
            'Stop that process first, or use another --data-dir. To share one database between several Writ ' +
            'processes, use PostgreSQL (DATABASE_URL).',
        );
      }
      if (held && held.pid === process.pid) {
        throw new StoreError('locked', `The data directory ${dataDir} is already open in this process.`);
      }
      if (held && held.host !== info.host) {
        throw new StoreError(
          'locked',
          `The data directory ${dataDir} is locked by pid ${held.pid} on host ${held.host}. If that process is ` +
            `gone, delete ${path}.`,
        );
      }
      if (!held && Date.now() - lockAgeStart(path) < 5000) {
        // Just created by a process that has not written its pid yet.
        throw new StoreError('locked', `The data directory ${dataDir} is being opened by another Writ process. Try again in a moment.`);
      }
      // Stale (dead pid) or old unreadable lock: take it over.
      try {
        unlinkSync(path);
      } catch {
        /* another process took it over first; retry */
      }
    }
  }
  throw new StoreError('locked', `Could not take the lock ${path}. Try again.`);
}

/** One process per data dir: dynalite (LevelDB) crashes when two processes open the same one. */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DirLock {
  path: string;
  release(): void;
}

/** Takes `<dir>/.lock` with our pid; a lock whose process is gone is taken over. */
export function lockDataDir(dir: string): DirLock {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, '.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return { path, release: () => releaseIfOurs(path) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(path, 'utf8').trim());
      if (isAlive(holder)) {
        throw new Error(
          `data dir ${dir} is in use by process ${holder} (another npm start?); stop it or set LOCAL_DATA_DIR`,
        );
      }
      rmSync(path, { force: true });
    }
  }
  throw new Error(`could not lock data dir ${dir}`);
}

function releaseIfOurs(path: string): void {
  try {
    if (Number(readFileSync(path, 'utf8').trim()) === process.pid) rmSync(path, { force: true });
  } catch {
    // already gone
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

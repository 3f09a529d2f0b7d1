import fs from 'node:fs';
import path from 'node:path';

export class DirectoryLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dir} is in use by process ${pid}. ` +
        'Stop that process first, or point PGLITE_DIR at another directory.',
    );
    this.name = 'DirectoryLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(dir: string) {
  return `${path.resolve(dir)}.lock`;
}

/** Returns the pid holding the lock of `dir`, or null when it is free or stale. */
export function lockHolder(dir: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPathFor(dir), 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Two processes on one PGlite directory corrupt it silently, so the directory is guarded by
 * `<dir>.lock` holding the owner's pid. A lock left by a dead process is taken over.
 * Returns a release function.
 */
export function acquireDirectoryLock(dir: string): () => void {
  const lockPath = lockPathFor(dir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, `${process.pid}\n`, { flag: 'wx' });
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder(dir);
      if (holder === process.pid) throw new Error(`This process already holds the lock of ${dir}`);
      if (holder !== null) throw new DirectoryLockedError(dir, holder);
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock of ${dir}`);
}

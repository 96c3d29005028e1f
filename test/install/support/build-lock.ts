import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../../support/run-cli.ts';

const LOCK = join(REPO_ROOT, 'dist/.build.lock');

/**
 * Runs `task` while holding the repository's build lock, so that two test
 * files building `dist/` at once (vitest runs files in parallel) never have
 * two compilers write the same files. A lock whose holder process is gone is
 * taken over; waiting gives up after `timeoutMs`.
 */
export async function withBuildLock<T>(task: () => Promise<T>, timeoutMs = 900_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  await mkdir(join(REPO_ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      const handle = await open(LOCK, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await holderAlive())) {
        await rm(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`the build lock ${LOCK} is still held after ${timeoutMs} ms`, { cause: error });
      await sleep(250);
    }
  }
  try {
    return await task();
  } finally {
    await rm(LOCK, { force: true });
  }
}

async function holderAlive(): Promise<boolean> {
  const text = await readFile(LOCK, 'utf8').catch(() => undefined);
  if (text === undefined) return false; // released meanwhile
  if (text === '') return true; // just taken: the holder is writing its pid
  const pid = Number(text);
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

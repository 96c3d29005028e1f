import { spawnSync } from 'node:child_process';

/**
 * Makes sure `jq` is on the PATH, installing Debian's package when it is
 * not (as root: `apt-get update`, then `apt-get install -y jq`). Returns its
 * version, or `undefined` with the reason printed when it cannot be had.
 */
export function ensureJq(log: (line: string) => void): string | undefined {
  const version = (): string | undefined => {
    const result = spawnSync('jq', ['--version'], { encoding: 'utf8' });
    return result.status === 0 ? result.stdout.trim() : undefined;
  };
  const found = version();
  if (found !== undefined) return found;
  log('jq not found: installing it with apt-get (Debian package "jq")');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'jq']]) {
    const result = spawnSync('apt-get', args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      log(`could not install jq (apt-get ${args[0]} failed: ${(result.stderr || result.error?.message || '').trim().split('\n').pop()}); the jq column is skipped`);
      return undefined;
    }
  }
  return version();
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest parent folder whose package.json declares workspaces. */
export function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (dirname(dir) === dir) throw new Error(`no workspace root above ${from}`);
  }
}

/** Where the public CloudTrail corpus is kept: `../shared/data/cloudtrail` from the repository root. */
export function sharedCloudTrailPath(): string {
  return resolve(repoRoot(), '..', 'shared', 'data', 'cloudtrail');
}

/**
 * The public CloudTrail corpus, read in place and never copied into the
 * repo; `undefined` when it is not there, so corpus tests can skip.
 */
export function sharedCloudTrailDir(): string | undefined {
  const dir = sharedCloudTrailPath();
  return existsSync(dir) ? dir : undefined;
}

/** Why corpus tests skip, naming where the corpus was looked for. */
export function corpusMissingMessage(): string {
  return `public CloudTrail corpus not found at ${sharedCloudTrailPath()}; corpus tests skipped`;
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest parent folder whose package.json declares workspaces. */
function repoRoot(from = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in (JSON.parse(readFileSync(manifest, 'utf8')) as object)) return dir;
    if (dirname(dir) === dir) throw new Error(`no workspace root above ${from}`);
  }
}

/** The shared public data beside the checkout: read in place, never copied into the repo. */
export const SHARED_DATA = resolve(repoRoot(), '..', 'shared', 'data');

/** The SigmaHQ CloudTrail rules in the shared data, or `undefined` when they are not there. */
export function sharedSigmaRules(): string | undefined {
  const dir = join(SHARED_DATA, 'rules', 'sigma');
  return existsSync(join(dir, 'cloudtrail')) ? dir : undefined;
}

/** The public CloudTrail records in the shared data, or `undefined` when they are not there. */
export function sharedCloudTrail(): string | undefined {
  const dir = join(SHARED_DATA, 'cloudtrail');
  return existsSync(dir) ? dir : undefined;
}

/** Why a shared-data test skips. */
export function sharedMissing(what: string): string {
  return `${what} not found under ${SHARED_DATA}; skipped`;
}

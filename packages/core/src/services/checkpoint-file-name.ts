import { join } from 'node:path';

/**
 * The file a scope's checkpoint is kept in, inside the checkpoint directory:
 * the scope with every character other than letters, digits, `.`, `_` and
 * `-` replaced by `_`, plus `.json` (`s3/prod` → `s3_prod.json`). Distinct
 * scopes can map to one file (`file/a b` and `file/a_b`); a
 * `FileCheckpointStore` refuses to let two of its scopes share one.
 */
export function checkpointFileName(scope: string): string {
  return `${scope.replace(/[^a-zA-Z0-9._-]/g, '_')}.json`;
}

/** The absolute path of `scope`'s checkpoint file in `dir`. */
export function checkpointFileOf(dir: string, scope: string): string {
  return join(dir, checkpointFileName(scope));
}

/** True for the temporary files a checkpoint write leaves behind when the process dies mid-write (`<name>.json.<pid>.<random>.tmp`, or `<name>.json.<pid>.tmp` from older versions). */
export function isCheckpointTemporaryOf(fileName: string, candidate: string): boolean {
  return candidate.startsWith(`${fileName}.`) && /^\.\d+(?:\.[0-9a-f]{12})?\.tmp$/.test(candidate.slice(fileName.length));
}

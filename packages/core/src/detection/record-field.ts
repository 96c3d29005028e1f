/**
 * Reads a dotted path (`userIdentity.sessionContext.sessionIssuer.arn`) from a
 * JSON value; returns the value as a string when it is a string, number or
 * boolean, else `undefined`.
 *
 * @example recordField('userIdentity.arn')(record) // 'arn:aws:iam::123456789012:user/alice'
 */
export function recordField(field: string): (root: unknown) => string | undefined {
  const path = field.split('.');
  return (root) => scalar(walkPath(root, path));
}

/** The value at `path` under `root`, or `undefined`. */
export function walkPath(root: unknown, path: readonly string[]): unknown {
  let node = root;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** A string, number or boolean as a string; anything else `undefined`. */
export function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A location inside the config: mapping keys and sequence indices, e.g. `['sources', 's3/prod', 'bucket']`. */
export type ConfigPath = readonly (string | number)[];

/**
 * Formats a path as users read it: `sources.s3/prod.bucket`,
 * `pipelines.default.sources[0]`; the root is an empty string.
 */
export function formatConfigPath(path: ConfigPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += text === '' ? segment : `.${segment}`;
  }
  return text;
}

/** A string key identifying `path` exactly, for sets and maps of paths. */
export function configPathKey(path: ConfigPath): string {
  return JSON.stringify(path);
}

/** True when `prefix` equals `path` or is an ancestor of it. */
export function isPathPrefix(prefix: ConfigPath, path: ConfigPath): boolean {
  return prefix.length <= path.length && prefix.every((segment, index) => segment === path[index]);
}

/** Converts a zod issue path (which may hold symbols) to a {@link ConfigPath}. */
export function toConfigPath(path: readonly PropertyKey[]): ConfigPath {
  return path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
}

import { ConfigError } from '@jackwatch/core';
import type { ConfigLocator } from '@jackwatch/core/config';

/**
 * Runs `build` (something that creates components from a loaded config) and
 * gives the issues of a `ConfigError` it throws the line and column of their
 * path in the config file, where they came without: components see the
 * config's values, not where in the file they were written.
 */
export function withConfigLines<T>(locate: ConfigLocator | undefined, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof ConfigError) || locate === undefined) throw error;
    throw new ConfigError(error.issues.map((issue) => (issue.line !== undefined || issue.path.length === 0 ? issue : { ...issue, ...locate(issue.path, 'value') })));
  }
}

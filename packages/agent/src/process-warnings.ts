import type { Logger } from '@jackwatch/core';

/**
 * Sends Node's process warnings (deprecations, experimental features, a
 * dependency's `process.emitWarning`) to `logger` as warn lines instead of
 * Node's own text on stderr, so that with `logs.format: json` every line
 * there is JSON. Returns a function that puts Node's handlers back.
 */
export function routeProcessWarnings(logger: Logger): () => void {
  const previous = process.listeners('warning');
  process.removeAllListeners('warning');
  const toLogger = (warning: Error): void => {
    const code = (warning as { code?: unknown }).code;
    logger.warn(warning.message, { warning: warning.name, ...(typeof code === 'string' && { code }) });
  };
  process.on('warning', toLogger);
  return () => {
    process.off('warning', toLogger);
    for (const listener of previous) process.on('warning', listener);
  };
}

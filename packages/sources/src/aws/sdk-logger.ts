import type { Logger } from '@jackwatch/core';

/** The logger shape the AWS SDK v3 clients accept. */
export interface SdkLogger {
  trace(...content: unknown[]): void;
  debug(...content: unknown[]): void;
  info(...content: unknown[]): void;
  warn(...content: unknown[]): void;
  error(...content: unknown[]): void;
}

/**
 * Routes the SDK's warnings and errors into a component's logger instead of
 * the console. Its `info` and `debug` lines — a dump of every request and
 * response — are dropped unread: formatting them cost a third of the
 * download throughput, and the components log what matters themselves.
 *
 * The SDK logs every failed call at error level, also one the component
 * aborted on purpose (a drain stops a long poll or a download in flight):
 * that one goes to debug, for it is no error.
 */
export function sdkLogger(logger: Logger): SdkLogger {
  const line = (content: unknown[]): string => content.map((part) => (typeof part === 'string' ? part : safeJson(part))).join(' ');
  return {
    trace: () => {},
    debug: () => {},
    info: () => {},
    warn: (...content) => logger.warn(line(content), { origin: 'aws-sdk' }),
    error: (...content) => {
      if (content.some(isAbortedCall)) logger.debug(`call aborted: ${line(content)}`, { origin: 'aws-sdk' });
      else logger.error(line(content), { origin: 'aws-sdk' });
    },
  };
}

// The SDK's entry for a failed call is `{ clientName, commandName, input, error, metadata }`; an abort's error is an `AbortError`.
function isAbortedCall(part: unknown): boolean {
  const error = typeof part === 'object' && part !== null && 'error' in part ? (part as { error: unknown }).error : part;
  return error instanceof Error && error.name === 'AbortError';
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

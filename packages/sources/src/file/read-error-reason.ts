import type { RejectionReason } from '@jackwatch/core';

/**
 * Classifies an error that ended the reading of a file: a gzip stream cut
 * short is `truncated`, other zlib errors `decompression-failed`, and
 * everything else (permissions, a vanished file, I/O) `unreadable`.
 */
export function readErrorReason(error: unknown): RejectionReason {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(String((error as Error | undefined)?.message))) return 'truncated';
  return typeof code === 'string' && code.startsWith('Z_') ? 'decompression-failed' : 'unreadable';
}

/** The message of an error, for a rejection. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

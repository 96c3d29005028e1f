import { open } from 'node:fs/promises';
import { ConfigError } from './config-error.ts';
import { CONFIG_LIMITS, formatBytes } from './config-limits.ts';

const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a config (or fixture case) file as UTF-8, never more than
 * {@link CONFIG_LIMITS}.maxBytes plus one chunk, so a huge file, a device
 * or an endless pipe is refused without filling memory.
 *
 * @param file the path to open.
 * @param name how messages name the file; default `file`.
 * @throws {ConfigError} naming the file when it is missing, unreadable or too large.
 */
export async function readConfigText(file: string, name: string = file): Promise<string> {
  const fail = (reason: string): ConfigError =>
    new ConfigError([{ file: name, path: [], line: undefined, column: undefined, message: reason }]);
  let handle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw fail(`cannot read the file: ${describeReadError(error)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > CONFIG_LIMITS.maxBytes) {
        throw fail(`the file is larger than ${formatBytes(CONFIG_LIMITS.maxBytes)}, the most a config may be; is it the right file?`);
      }
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw fail(`cannot read the file: ${describeReadError(error)}`);
  } finally {
    await handle.close();
  }
}

function describeReadError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

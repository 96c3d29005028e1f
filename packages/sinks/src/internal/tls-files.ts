import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { TlsConfig } from './tls-config.ts';

/** The PEM contents named by a {@link TlsConfig}. */
export interface TlsMaterial {
  readonly ca: Buffer | undefined;
  readonly cert: Buffer | undefined;
  readonly key: Buffer | undefined;
  readonly rejectUnauthorized: boolean;
}

/** Most bytes a CA, certificate or key file may hold (a system CA bundle is about 220 KB). */
export const MAX_TLS_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads the CA, certificate and key files (relative to `baseDir`). A file
 * that is missing, not a regular file (a named pipe would wait for a writer
 * for good, `/dev/zero` would never end) or larger than
 * {@link MAX_TLS_FILE_BYTES} fails with its path.
 */
export async function loadTlsMaterial(tls: TlsConfig, baseDir: string): Promise<TlsMaterial> {
  const read = async (file: string | undefined, what: string): Promise<Buffer | undefined> => {
    if (file === undefined) return undefined;
    const path = isAbsolute(file) ? file : resolve(baseDir, file);
    try {
      return await readRegularFile(path);
    } catch (error) {
      throw new Error(`cannot read tls.${what} ${path}: ${(error as Error).message}`, { cause: error });
    }
  };
  return {
    ca: await read(tls.ca, 'ca'),
    cert: await read(tls.cert, 'cert'),
    key: await read(tls.key, 'key'),
    rejectUnauthorized: !tls.insecureSkipVerify,
  };
}

async function readRegularFile(path: string): Promise<Buffer> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error(`not a regular file (${info.isFIFO() ? 'a named pipe' : info.isDirectory() ? 'a directory' : 'a socket or device'})`);
    if (info.size > MAX_TLS_FILE_BYTES) throw new Error(`${info.size} bytes, more than the ${MAX_TLS_FILE_BYTES} a PEM file may hold`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

import { readFile } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import type { TlsConfig } from './tls-config.ts';

/** The PEM contents named by a {@link TlsConfig}. */
export interface TlsMaterial {
  readonly ca: Buffer | undefined;
  readonly cert: Buffer | undefined;
  readonly key: Buffer | undefined;
  readonly rejectUnauthorized: boolean;
}

/** Reads the CA, certificate and key files (relative to `baseDir`); a missing file fails with its path. */
export async function loadTlsMaterial(tls: TlsConfig, baseDir: string): Promise<TlsMaterial> {
  const read = async (file: string | undefined, what: string): Promise<Buffer | undefined> => {
    if (file === undefined) return undefined;
    const path = isAbsolute(file) ? file : resolve(baseDir, file);
    try {
      return await readFile(path);
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

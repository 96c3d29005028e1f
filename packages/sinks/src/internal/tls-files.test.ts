import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir.ts';
import { loadTlsMaterial, MAX_TLS_FILE_BYTES } from './tls-files.ts';

describe('loadTlsMaterial with files that are no PEM file', () => {
  it('fails at once, naming the file, for a named pipe (which would wait for a writer) and /dev/zero (which never ends)', async () => {
    const tmp = await makeTempDir();
    try {
      execFileSync('mkfifo', [join(tmp.dir, 'ca.pem')]);
      await expect(loadTlsMaterial({ ca: 'ca.pem', insecureSkipVerify: false }, tmp.dir)).rejects.toThrow(`cannot read tls.ca ${join(tmp.dir, 'ca.pem')}: not a regular file (a named pipe)`);
      await expect(loadTlsMaterial({ key: '/dev/zero', insecureSkipVerify: false }, tmp.dir)).rejects.toThrow('cannot read tls.key /dev/zero: not a regular file (a socket or device)');
    } finally {
      await tmp.remove();
    }
  });

  it('refuses a file larger than a PEM file may be, and reads one that is not', async () => {
    const tmp = await makeTempDir();
    try {
      await writeFile(join(tmp.dir, 'huge.pem'), Buffer.alloc(MAX_TLS_FILE_BYTES + 1, 0x41));
      await writeFile(join(tmp.dir, 'ca.pem'), '-----BEGIN CERTIFICATE-----\n');
      await expect(loadTlsMaterial({ cert: 'huge.pem', insecureSkipVerify: false }, tmp.dir)).rejects.toThrow(`more than the ${MAX_TLS_FILE_BYTES} a PEM file may hold`);
      expect((await loadTlsMaterial({ ca: 'ca.pem', insecureSkipVerify: false }, tmp.dir)).ca?.toString()).toBe('-----BEGIN CERTIFICATE-----\n');
    } finally {
      await tmp.remove();
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ruleAFinding } from '../testing/finding-fixture.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { DeadLetterFile } from './dead-letter-file.ts';

const mkfifo = (path: string): void => {
  execFileSync('mkfifo', [path]);
};

describe('DeadLetterFile where no regular file can be', () => {
  it('refuses at prepare a named pipe or a device in the file\'s place, naming it', async () => {
    const tmp = await makeTempDir();
    try {
      const fifo = join(tmp.dir, 'dl.fifo');
      mkfifo(fifo);
      await expect(new DeadLetterFile(fifo).prepare()).rejects.toThrow(`dead-letter file ${fifo} is a named pipe (FIFO), not a regular file`);
      await expect(new DeadLetterFile('/dev/null').prepare()).rejects.toThrow('dead-letter file /dev/null is a device, not a regular file');
    } finally {
      await tmp.remove();
    }
  });

  it('fails an append at once, instead of waiting for a reader for good, when a named pipe took the file\'s place after start', async () => {
    const tmp = await makeTempDir();
    try {
      const path = join(tmp.dir, 'dl.jsonl');
      const file = new DeadLetterFile(path);
      await file.prepare();
      mkfifo(path);
      await expect(file.append('webhook', [ruleAFinding()], 'HTTP 500', 1, Date.now())).rejects.toThrow(/ENXIO|named pipe/);
    } finally {
      await tmp.remove();
    }
  });

  it('still appends to a regular file, and lets a directory in its place fail each append (counted lost by the sink)', async () => {
    const tmp = await makeTempDir();
    try {
      const path = join(tmp.dir, 'dl.jsonl');
      const file = new DeadLetterFile(path);
      await file.prepare();
      await file.appendLines(['one']);
      await file.appendLines(['two']);
      expect(await readFile(path, 'utf8')).toBe('one\ntwo\n');
      const dir = join(tmp.dir, 'dir.jsonl');
      await mkdir(dir);
      const intoDirectory = new DeadLetterFile(dir);
      await intoDirectory.prepare();
      await expect(intoDirectory.appendLines(['x'])).rejects.toThrow(/EISDIR/);
    } finally {
      await tmp.remove();
    }
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_LIMITS } from './config-limits.ts';
import { readConfigText } from './read-config-text.ts';

describe('readConfigText', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-read-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a file up to the size limit', async () => {
    const file = join(dir, 'jw.yaml');
    const text = `a: "${'é'.repeat((CONFIG_LIMITS.maxBytes - 8) / 2)}"\n`;
    await writeFile(file, text);
    expect(await readConfigText(file)).toBe(text);
  });

  it('refuses a larger file, naming it and the limit', async () => {
    const file = join(dir, 'big.yaml');
    await writeFile(file, 'a'.repeat(CONFIG_LIMITS.maxBytes + 1));
    await expect(readConfigText(file, 'big.yaml')).rejects.toThrow('big.yaml: the file is larger than 1 MiB, the most a config may be; is it the right file?');
  });

  it('refuses an endless device without reading it all', async () => {
    await expect(readConfigText('/dev/zero')).rejects.toThrow('/dev/zero: the file is larger than 1 MiB');
  });

  it('says why a file cannot be read', async () => {
    await expect(readConfigText(join(dir, 'missing.yaml'), 'missing.yaml')).rejects.toThrow('missing.yaml: cannot read the file: no such file');
    await expect(readConfigText(dir, 'dir')).rejects.toThrow('dir: cannot read the file: it is a directory');
  });
});

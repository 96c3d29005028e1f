import { describe, expect, it } from 'vitest';
import { fileSourceFactory } from './factory.ts';
import { deliveryDocument, drain, eventsOf, put, tempDir, testSetup } from './testdata/harness.ts';

describe('fileSourceFactory (component conformance)', () => {
  it('is a source of type file whose schema names the one required option', () => {
    expect(fileSourceFactory).toMatchObject({ kind: 'source', type: 'file' });
    expect(fileSourceFactory.configSchema.safeParse({}).error?.issues.map((i) => i.path.join('.'))).toEqual(['paths']);
    expect(fileSourceFactory.configSchema.safeParse({ paths: ['.'] }).success).toBe(true);
  });

  it('shuts down without start, twice', async () => {
    const source = fileSourceFactory.create(fileSourceFactory.configSchema.parse({ paths: ['.'] }), testSetup(await tempDir()));
    await source.shutdown();
    await expect(source.shutdown()).resolves.toBeUndefined();
  });

  it('starts, shuts down, and a recreated instance starts and reads again', async () => {
    const dir = await tempDir();
    await put(dir, 'a.json', deliveryDocument(0, 2));
    const config = fileSourceFactory.configSchema.parse({ paths: ['.'] });
    const first = fileSourceFactory.create(config, testSetup(dir));
    await first.start();
    await first.shutdown();
    expect(eventsOf(await drain(first))).toEqual([]); // a shut-down source reads nothing

    const second = fileSourceFactory.create(config, testSetup(dir));
    await second.start();
    expect(eventsOf(await drain(second))).toHaveLength(2);
    await second.shutdown();
  });
});

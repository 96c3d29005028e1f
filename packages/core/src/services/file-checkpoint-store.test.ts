import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileCheckpointStore } from './file-checkpoint-store.ts';

describe('FileCheckpointStore', () => {
  it('persists values across instances, one file per scope', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jw-ckpt-'));
    const first = new FileCheckpointStore(dir).scope('s3/prod');
    await first.set('AWSLogs/1/CloudTrail/us-east-1', 'key-0042');
    await first.set('done', { files: 3 });
    await new FileCheckpointStore(dir).scope('file').set('a.json', 10);

    const reopened = new FileCheckpointStore(dir).scope('s3/prod');
    expect(await reopened.get('AWSLogs/1/CloudTrail/us-east-1')).toBe('key-0042');
    expect(Object.fromEntries(await reopened.entries())).toEqual({ 'AWSLogs/1/CloudTrail/us-east-1': 'key-0042', done: { files: 3 } });
    expect(await reopened.get('a.json')).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['file.json', 's3_prod.json']);
  });

  it('keeps the last of many concurrent writes and leaves no temporary file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jw-ckpt-'));
    const store = new FileCheckpointStore(dir, 'x');
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.set('position', i)));
    expect(JSON.parse(await readFile(join(dir, 'x.json'), 'utf8'))).toEqual({ position: 49 });
    expect(await readdir(dir)).toEqual(['x.json']);
  });

  it('deletes keys durably', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jw-ckpt-'));
    const store = new FileCheckpointStore(dir, 'y');
    await store.set('a', 1);
    await store.delete('a');
    expect(await new FileCheckpointStore(dir, 'y').get('a')).toBeUndefined();
  });
});

import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckpointError, CheckpointWriteError } from './checkpoint-error.ts';
import { MAX_CHECKPOINT_FILE_BYTES } from './checkpoint-file.ts';
import { isCheckpointTemporaryOf } from './checkpoint-file-name.ts';
import { FileCheckpointStore } from './file-checkpoint-store.ts';

const tempDir = (): Promise<string> => mkdtemp(join(tmpdir(), 'jw-ckpt-'));

async function refusal(store: FileCheckpointStore | ReturnType<FileCheckpointStore['scope']>): Promise<CheckpointError> {
  const error: unknown = await store.get('files').then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CheckpointError);
  return error as CheckpointError;
}

describe('FileCheckpointStore', () => {
  it('persists values across instances, one file per scope', async () => {
    const dir = await tempDir();
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
    const dir = await tempDir();
    const store = new FileCheckpointStore(dir, 'x');
    await Promise.all(Array.from({ length: 50 }, (_, i) => store.set('position', i)));
    expect(JSON.parse(await readFile(join(dir, 'x.json'), 'utf8'))).toEqual({ position: 49 });
    expect(await readdir(dir)).toEqual(['x.json']);
  });

  it('never tears the file when two processes with the same pid (two containers on one volume) write the same scope at once', async () => {
    const dir = await tempDir();
    // Two stores of one process stand for two agents whose pid is the same (each is pid 1 in its container).
    const first = new FileCheckpointStore(dir, 'file');
    const second = new FileCheckpointStore(dir, 'file');
    const large = 'x'.repeat(3 * 1024 * 1024);
    for (let round = 0; round < 5; round++) {
      const writes = await Promise.allSettled([first.set('files', { large, round }), second.set('files', { small: true, round })]);
      expect(writes.map((write) => write.status), String(writes.find((write) => write.status === 'rejected')?.reason)).toEqual(['fulfilled', 'fulfilled']);
      const saved = JSON.parse(await readFile(join(dir, 'file.json'), 'utf8')) as { files: { round: number } };
      expect(saved.files.round).toBe(round);
    }
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('names its temporary files so that a reset recognises them, as it does those of older versions', async () => {
    expect(isCheckpointTemporaryOf('file.json', 'file.json.1.0123456789ab.tmp')).toBe(true);
    expect(isCheckpointTemporaryOf('file.json', 'file.json.4242.tmp')).toBe(true);
    expect(isCheckpointTemporaryOf('file.json', 'file.json.bak')).toBe(false);
    expect(isCheckpointTemporaryOf('file.json', 'other.json.1.tmp')).toBe(false);
  });

  it('deletes keys durably', async () => {
    const dir = await tempDir();
    const store = new FileCheckpointStore(dir, 'y');
    await store.set('a', 1);
    await store.delete('a');
    expect(await new FileCheckpointStore(dir, 'y').get('a')).toBeUndefined();
  });

  it('starts empty when the file or its directory does not exist yet', async () => {
    const dir = await tempDir();
    expect(await new FileCheckpointStore(join(dir, 'not', 'yet')).scope('file').get('files')).toBeUndefined();
  });

  it('refuses a corrupt file, naming it, what it means, and the command that starts the component over', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file.json'), '{"files":{"/logs/a.json":{"size":1,"mtimeMs":2,"done":tr');
    const error = await refusal(new FileCheckpointStore(dir, { configFile: '/etc/jackwatch/my config.yaml' }).scope('file'));
    expect(error.location).toBe(join(dir, 'file.json'));
    expect(error.scope).toBe('file');
    expect(error.message).toContain(`checkpoint file ${join(dir, 'file.json')} (component "file") is not valid JSON (`);
    expect(error.message).toContain('jackwatch stops rather than guess, which would read input again or skip it');
    expect(error.message).toContain("jackwatch checkpoints reset --config '/etc/jackwatch/my config.yaml' --source file");
  });

  it('without a config file, says to remove the file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file.json'), '');
    expect((await refusal(new FileCheckpointStore(dir).scope('file'))).message).toMatch(/is not valid JSON \(Unexpected end of JSON input\)\.\n[^]*start "file" over as on its first run, remove the file$/);
  });

  it.each([
    ['an array', '[]', 'holds an array, not an object of checkpoint entries'],
    ['a number', '42', 'holds a number, not an object of checkpoint entries'],
    ['null', 'null', 'holds null, not an object of checkpoint entries'],
    ['a string', '"files"', 'holds a string, not an object of checkpoint entries'],
    ['bytes that are not UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]), 'is not UTF-8 text'],
  ])('refuses a file holding %s', async (_case, content, problem) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'file.json'), content);
    expect((await refusal(new FileCheckpointStore(dir).scope('file'))).message).toContain(`(component "file") ${problem}.`);
  });

  it('refuses a directory, a FIFO (without opening it for good) and a file too large to be a checkpoint', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'a.json'));
    execFileSync('mkfifo', [join(dir, 'b.json')]);
    await writeFile(join(dir, 'c.json'), '');
    await truncate(join(dir, 'c.json'), MAX_CHECKPOINT_FILE_BYTES + 1); // sparse: no disk used
    const store = new FileCheckpointStore(dir);
    expect((await refusal(store.scope('a'))).message).toContain('(component "a") is a directory, not a regular file.');
    expect((await refusal(store.scope('b'))).message).toContain('(component "b") is a named pipe (FIFO), not a regular file.');
    expect((await refusal(store.scope('c'))).message).toContain(`(component "c") is ${MAX_CHECKPOINT_FILE_BYTES + 1} bytes, more than the ${MAX_CHECKPOINT_FILE_BYTES}`);
  });

  it('refuses a second scope whose file name is already another scope\'s', async () => {
    const dir = await tempDir();
    const store = new FileCheckpointStore(dir);
    await store.scope('file/a b').set('files', {});
    const error = await refusal(store.scope('file/a_b'));
    expect(error.message).toBe(`components "file/a b" and "file/a_b" would keep their checkpoints in the same file, ${join(dir, 'file_a_b.json')}, and overwrite each other's: rename one of them`);
    expect(store.scope('file/a b')).toBe(store.scope('file/a b'));
  });

  it('names an entry its reader refuses', async () => {
    const dir = await tempDir();
    const error = new FileCheckpointStore(dir, { configFile: 'config.yaml' }).scope('s3/prod').refuse('s3://trail', 'is not an object of partition positions');
    expect(error.message).toMatch(new RegExp(`^checkpoint file ${join(dir, 's3_prod.json')} \\(component "s3/prod"\\): entry "s3://trail" is not an object of partition positions\\.\\n`));
    expect(error.message).toContain('jackwatch checkpoints reset --config config.yaml --source s3/prod');
  });

  it('rejects a failed write with a CheckpointWriteError naming the file, keeps the values, and the next write carries them', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'blocker'), 'a regular file where the checkpoint directory should be');
    const checkpoints = join(dir, 'blocker', 'checkpoints');
    const store = new FileCheckpointStore(checkpoints).scope('file');
    const error: unknown = await store.set('files', { a: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointWriteError);
    expect((error as Error).message).toMatch(new RegExp(`^cannot write checkpoint file ${join(checkpoints, 'file.json')} \\(component "file"\\): ENOTDIR`));
    await expect(store.set('other', 2)).rejects.toBeInstanceOf(CheckpointWriteError);

    await rm(join(dir, 'blocker'));
    await store.set('other', 3);
    expect(JSON.parse(await readFile(join(checkpoints, 'file.json'), 'utf8'))).toEqual({ files: { a: 1 }, other: 3 });
    expect(await readdir(checkpoints)).toEqual(['file.json']);
  });

  it('leaves no temporary file behind when the rename fails', async () => {
    const dir = await tempDir();
    const store = new FileCheckpointStore(dir, 'file');
    expect(await store.get('k')).toBeUndefined();
    await mkdir(join(dir, 'file.json', 'inside'), { recursive: true }); // a non-empty directory: the rename over it fails
    await expect(store.set('k', 1)).rejects.toThrow(CheckpointWriteError);
    expect(await readdir(dir)).toEqual(['file.json']);
  });
});

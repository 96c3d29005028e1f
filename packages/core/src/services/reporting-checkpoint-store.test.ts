import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CheckpointError, CheckpointWriteError } from './checkpoint-error.ts';
import { FileCheckpointStore } from './file-checkpoint-store.ts';
import { ReportingCheckpointStore } from './reporting-checkpoint-store.ts';

function recordingHooks() {
  const failed: unknown[] = [];
  const again: number[] = [];
  const recovered: number[] = [];
  return {
    failed,
    again,
    recovered,
    hooks: { failed: (e: unknown) => void failed.push(e), failedAgain: (n: number) => void again.push(n), recovered: (n: number) => void recovered.push(n) },
  };
}

describe('ReportingCheckpointStore', () => {
  it('reports the first failed write of a streak only, never fails the caller, and says when writes work again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jw-ckpt-'));
    await writeFile(join(dir, 'blocker'), '');
    const hooks = recordingHooks();
    const store = new ReportingCheckpointStore(new FileCheckpointStore(join(dir, 'blocker', 'ck')).scope('file'), hooks.hooks);

    for (let commit = 0; commit < 5; commit++) await store.set('files', { commit });
    expect(hooks.failed).toHaveLength(1);
    expect(hooks.again).toEqual([2, 3, 4, 5]);
    expect(hooks.failed[0]).toBeInstanceOf(CheckpointWriteError);
    expect((hooks.failed[0] as Error).message).toContain(join(dir, 'blocker', 'ck', 'file.json'));
    expect(await store.get('files')).toEqual({ commit: 4 });

    await rm(join(dir, 'blocker'));
    await store.set('files', { commit: 5 });
    expect(hooks.recovered).toEqual([5]);
    expect(await new FileCheckpointStore(join(dir, 'blocker', 'ck')).scope('file').get('files')).toEqual({ commit: 5 });

    await writeFile(join(dir, 'other-blocker'), '');
    const again = new ReportingCheckpointStore(new FileCheckpointStore(join(dir, 'other-blocker', 'ck')).scope('file'), hooks.hooks);
    await again.delete('files');
    expect(hooks.failed).toHaveLength(2);
  });

  it('still throws a checkpoint that cannot be used, on reads and on writes', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jw-ckpt-'));
    await writeFile(join(dir, 'file.json'), '{"files":');
    const hooks = recordingHooks();
    const store = new ReportingCheckpointStore(new FileCheckpointStore(dir), hooks.hooks).scope('file');
    await expect(store.get('files')).rejects.toThrow(CheckpointError);
    await expect(store.set('files', {})).rejects.toThrow(/is not valid JSON/);
    expect(hooks.failed).toEqual([]);
    expect(store.refuse('files', 'is odd').message).toContain('entry "files" is odd');
  });
});

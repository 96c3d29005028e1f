import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planReads } from './plan-reads.ts';
import { tempDir } from './testdata/harness.ts';

const noReports = { unreadable: () => undefined, skip: () => undefined };

describe('planReads', () => {
  it('plans every new file in delivery order, and none once the signal aborts (a drain does not wait for a stat of every file)', async () => {
    const dir = await tempDir();
    const paths = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        const path = join(dir, `111122223333_CloudTrail_us-east-1_20261001T${String(2359 - i).padStart(4, '0')}Z_x.json`);
        await writeFile(path, '{"Records":[]}');
        return path;
      }),
    );
    const state = { seen: new Map(), failed: new Map() };
    const planned = await planReads(paths, state, true, noReports);
    expect(planned.reads.map((read) => read.path)).toEqual([...paths].reverse());

    const aborted = AbortSignal.abort();
    expect((await planReads(paths, state, true, noReports, aborted)).reads).toEqual([]);
  });

  it('takes a file of a reopened sealed directory as read when its ctime is not newer than the seal, and reads it when it is', async () => {
    const dir = await tempDir();
    const path = join(dir, 'a.json');
    await writeFile(path, '{"Records":[]}');
    const { ctimeMs } = await stat(path);
    const plan = async (sealedAt: number): Promise<{ covered: string[]; reads: string[]; unchanged: number }> => {
      const covered: string[] = [];
      const seals = new Map([[dir, { mtimeMs: sealedAt, ctimeMs: sealedAt, ino: 1 }]]);
      const planned = await planReads([path], { seen: new Map(), failed: new Map(), seals }, true, { ...noReports, covered: (file) => void covered.push(file) });
      return { covered, reads: planned.reads.map((read) => read.path), unchanged: planned.unchanged };
    };
    expect(await plan(ctimeMs)).toEqual({ covered: [path], reads: [], unchanged: 1 });
    expect(await plan(ctimeMs - 0.001)).toEqual({ covered: [], reads: [path], unchanged: 0 });
  });
});

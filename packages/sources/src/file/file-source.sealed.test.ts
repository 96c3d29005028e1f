import { appendFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { MemoryCheckpointStore, systemClock, type CheckpointStore, type Clock, type SourceBatch } from '@jackwatch/core';
import { ManualClock } from '@jackwatch/core/testing';
import { describe, expect, it, vi } from 'vitest';
import { SEAL_SLACK_MS } from './directory-seal.ts';
import { deliveryDocument, drain, eventsOf, ndjson, put, startedSource, tempDir, testSetup } from './testdata/harness.ts';

/**
 * A clock a minute ahead: every directory written by a test is older than the
 * seal slack (a ctime cannot be set back, so the listing is moved forward).
 */
const ahead: Clock = { now: () => Date.now() + 6 * SEAL_SLACK_MS, sleep: systemClock.sleep };

/** Writes a file as delivery tools publish one: under a name that is not read, then renamed into place. */
async function publish(dir: string, relative: string, content: string): Promise<string> {
  const staged = await put(dir, `${relative}.part`, content);
  const path = join(dir, relative);
  await rename(staged, path);
  return path;
}

/** Adds and removes an entry, so each directory's stamp is at least as new as every file in it, as after a rename into it. */
async function settle(...dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    await writeFile(join(dir, '.settle'), '');
    await rm(join(dir, '.settle'));
  }
}

async function readAll(dir: string, checkpoints: CheckpointStore, options: { clock?: Clock; config?: Record<string, unknown> } = {}) {
  const setup = testSetup(dir, { checkpoints, clock: options.clock ?? ahead });
  const source = await startedSource({ paths: ['.'], ...options.config }, setup);
  const ids = eventsOf(await drain(source)).map((e) => e.eventId).sort();
  await source.shutdown();
  return { ids, setup };
}

async function stored(checkpoints: MemoryCheckpointStore): Promise<{ files: string[]; sealed: Record<string, { files: number }> }> {
  const scope = checkpoints.scope('file');
  const files = Object.keys(((await scope.get('files')) ?? {}) as object).sort();
  const directories = (await scope.get('directories')) as { sealed: Record<string, { files: number }> } | undefined;
  return { files, sealed: directories?.sealed ?? {} };
}

/** Two day directories of CloudTrail's layout, published and settled. */
async function twoDays(dir: string): Promise<{ day1: string; day2: string }> {
  await publish(dir, 'day1/a.json.gz', deliveryDocument(0, 2, 'a'));
  await publish(dir, 'day1/b.json.gz', deliveryDocument(0, 1, 'b'));
  await publish(dir, 'day2/c.json', deliveryDocument(0, 1, 'c'));
  const day1 = join(dir, 'day1');
  const day2 = join(dir, 'day2');
  await settle(day1, day2);
  return { day1, day2 };
}

describe('file source: sealed directories', () => {
  it('seals a directory once its files are read: the checkpoint keeps the directory instead of its files, and a restart lists none of them', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1, day2 } = await twoDays(dir);
    expect((await readAll(dir, checkpoints)).ids).toEqual(['a-0', 'a-1', 'b-0', 'c-0']);
    expect(await stored(checkpoints)).toEqual({ files: [], sealed: { [day1]: expect.objectContaining({ files: 2 }), [day2]: expect.objectContaining({ files: 1 }) } });

    const again = await readAll(dir, checkpoints);
    expect(again.ids).toEqual([]);
    expect(again.setup.telemetry.total('jackwatch.source.files.unchanged')).toBe(3);
  });

  it('reads a late file in a sealed directory, and only it, then seals the directory again', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1 } = await twoDays(dir);
    await readAll(dir, checkpoints);

    await publish(dir, 'day1/late.json.gz', deliveryDocument(0, 1, 'late'));
    await settle(day1);
    expect((await readAll(dir, checkpoints)).ids).toEqual(['late-0']);
    expect((await stored(checkpoints)).sealed[day1]).toMatchObject({ files: 3 });
    expect((await readAll(dir, checkpoints)).ids).toEqual([]);
  });

  it('reads a file replaced in a sealed directory again, from the start', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1 } = await twoDays(dir);
    await readAll(dir, checkpoints);

    await publish(dir, 'day1/a.json.gz', deliveryDocument(0, 3, 'a2'));
    await settle(day1);
    expect((await readAll(dir, checkpoints)).ids).toEqual(['a2-0', 'a2-1', 'a2-2']);
  });

  it('reads a file deleted and written again in a sealed directory, and forgets one only deleted', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1, day2 } = await twoDays(dir);
    await readAll(dir, checkpoints);

    await rm(join(day1, 'b.json.gz'));
    await put(dir, 'day1/b.json.gz', deliveryDocument(0, 2, 'b2')); // written in place, not renamed
    await rm(join(day2, 'c.json'));
    await settle(day1);
    expect((await readAll(dir, checkpoints)).ids).toEqual(['b2-0', 'b2-1']);
    expect((await stored(checkpoints)).sealed).toEqual({ [day1]: expect.objectContaining({ files: 2 }), [day2]: expect.objectContaining({ files: 0 }) });
  });

  it('reads every file of a directory put in the place of a sealed one, even files older than the seal', async () => {
    const dir = await tempDir();
    const staging = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await put(staging, 'day1/old.json', deliveryDocument(0, 1, 'old')); // written before the seal below
    const { day1 } = await twoDays(dir);
    await readAll(dir, checkpoints);

    await rm(day1, { recursive: true });
    await rename(join(staging, 'day1'), day1); // a new directory: its files keep their ctimes
    expect((await readAll(dir, checkpoints)).ids).toEqual(['old-0']);
  });

  it('does not seal a directory while a changed file of it is read again and not yet acked', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1 } = await twoDays(dir);
    await readAll(dir, checkpoints, { clock: systemClock }); // too new to seal: positions only

    await put(dir, 'day1/a.json.gz', deliveryDocument(0, 3, 'a2')); // rewritten in place: the directory's stamp stays
    const crashed = await startedSource({ paths: ['.'] }, testSetup(dir, { checkpoints, clock: ahead }));
    expect(eventsOf(await drain(crashed, { ack: false })).map((e) => e.eventId)).toEqual(['a2-0', 'a2-1', 'a2-2']);
    await crashed.shutdown();
    expect((await stored(checkpoints)).sealed).not.toHaveProperty([day1]);

    expect((await readAll(dir, checkpoints)).ids).toEqual(['a2-0', 'a2-1', 'a2-2']);
    expect((await stored(checkpoints)).sealed).toHaveProperty([day1]);
  });

  it('in follow mode, does not seal a directory at a later listing while the read of its changed file is not acked', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1 } = await twoDays(dir);
    await readAll(dir, checkpoints, { clock: systemClock }); // too new to seal: positions only

    await put(dir, 'day1/a.json.gz', deliveryDocument(0, 3, 'a2')); // rewritten in place: the directory's stamp stays
    const clock = new ManualClock(Date.now() + 6 * SEAL_SLACK_MS);
    const source = await startedSource({ paths: ['.'], follow: true }, testSetup(dir, { checkpoints, clock }));
    const abort = new AbortController();
    const batches = source.read(abort.signal)[Symbol.asyncIterator]();
    const unacked: SourceBatch[] = [];
    while (!unacked.some((batch) => batch.events.length > 0)) unacked.push((await batches.next()).value as SourceBatch);
    const rest = batches.next();
    await clock.whenSleeping(); // the first pass is over
    clock.wakeSleepers();
    await clock.whenSleeping(); // and the next listing too, with a2's batch still not acked
    expect((await stored(checkpoints)).sealed).not.toHaveProperty([day1]);

    for (const batch of unacked) await batch.ack?.();
    abort.abort();
    clock.wakeSleepers();
    await rest;
    await source.shutdown();
    expect(await stored(checkpoints)).toMatchObject({ files: [], sealed: { [day1]: { files: 2 } } });
  });

  it('keeps explicit positions in a directory holding NDJSON, which may be appended to', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const live = await publish(dir, 'live/events.ndjson', ndjson(0, 2, 'n'));
    await publish(dir, 'live/a.json', deliveryDocument(0, 1, 'a'));
    await settle(join(dir, 'live'));
    expect((await readAll(dir, checkpoints)).ids).toEqual(['a-0', 'n-0', 'n-1']);
    expect(await stored(checkpoints)).toEqual({ files: [join(dir, 'live/a.json'), live], sealed: {} });

    await appendFile(live, ndjson(2, 3, 'n'));
    expect((await readAll(dir, checkpoints)).ids).toEqual(['n-2']);
  });

  it('does not seal a directory holding a file it could not read, and reads that file once it is replaced', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await publish(dir, 'day1/good.json.gz', deliveryDocument(0, 1, 'good'));
    const cut = gzipSync(deliveryDocument(0, 2, 'cut'));
    await writeFile(join(dir, 'day1/cut.json.gz'), cut.subarray(0, cut.length - 20));
    await settle(join(dir, 'day1'));
    const first = await readAll(dir, checkpoints);
    expect(first.ids).toEqual(['cut-0', 'good-0']); // the complete record before the cut is kept
    expect(first.setup.errors.rejections.map((r) => r.reason)).toContain('truncated');
    expect((await stored(checkpoints)).sealed).toEqual({});

    await publish(dir, 'day1/cut.json.gz', deliveryDocument(0, 2, 'cut'));
    await settle(join(dir, 'day1'));
    expect((await readAll(dir, checkpoints)).ids).toEqual(['cut-0', 'cut-1']);
    expect(await stored(checkpoints)).toEqual({ files: [], sealed: { [join(dir, 'day1')]: expect.objectContaining({ files: 2 }) } });
  });

  it('does not seal a directory changed less than the slack before the listing', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await twoDays(dir);
    expect((await readAll(dir, checkpoints, { clock: systemClock })).ids).toHaveLength(4);
    expect(await stored(checkpoints)).toMatchObject({ files: [join(dir, 'day1/a.json.gz'), join(dir, 'day1/b.json.gz'), join(dir, 'day2/c.json')], sealed: {} });
  });

  it('upgrades a checkpoint of file positions only: nothing is read again, and the positions give way to seals', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1, day2 } = await twoDays(dir);
    await readAll(dir, checkpoints, { clock: systemClock }); // too new to seal: positions only, as before seals existed
    expect(await checkpoints.scope('file').get('directories')).toBeUndefined();

    expect((await readAll(dir, checkpoints)).ids).toEqual([]);
    expect(await stored(checkpoints)).toEqual({ files: [], sealed: { [day1]: expect.objectContaining({ files: 2 }), [day2]: expect.objectContaining({ files: 1 }) } });
  });

  it('does not read again a file of a sealed directory reached through a link', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1 } = await twoDays(dir);
    await put(dir, 'links/placeholder.txt', '');
    await symlink(join(day1, 'a.json.gz'), join(dir, 'links/a.json.gz'));
    await symlink(day1, join(dir, 'links/day1'));
    expect((await readAll(dir, checkpoints)).ids).toEqual(['a-0', 'a-1', 'b-0', 'c-0']);
    expect(Object.keys((await stored(checkpoints)).sealed)).toContain(day1);
    expect((await readAll(dir, checkpoints)).ids).toEqual([]);
  });

  it('drops seals made under other filters and reads their directories again, rather than miss a file the new filters take in', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    await twoDays(dir);
    await publish(dir, 'day1/notes.txt', JSON.stringify({ Records: [] }));
    await settle(join(dir, 'day1'));
    await readAll(dir, checkpoints);
    const widened = await readAll(dir, checkpoints, { config: { include: ['*.json', '*.json.gz', '*.txt'] } });
    expect(widened.ids).toEqual(['a-0', 'a-1', 'b-0', 'c-0']);
  });

  it('in follow mode, seals directories as their files are acked, and reads a file added to one later', async () => {
    const dir = await tempDir();
    const checkpoints = new MemoryCheckpointStore();
    const { day1 } = await twoDays(dir);
    const setup = testSetup(dir, { checkpoints, clock: ahead });
    const source = await startedSource({ paths: ['.'], follow: true, pollInterval: '10ms' }, setup);
    const abort = new AbortController();
    const seen: string[] = [];
    let published = false;
    for await (const batch of source.read(abort.signal)) {
      await batch.ack?.();
      seen.push(...batch.events.map((e) => e.eventId));
      if (!published && seen.length === 4) {
        published = true;
        // Sealed while following: written by the ledger's paced writes, before any flush at shutdown.
        await vi.waitFor(async () => expect((await stored(checkpoints)).sealed).toHaveProperty([day1]));
        await publish(dir, 'day1/late.json', deliveryDocument(0, 1, 'late'));
        await settle(day1);
      }
      if (seen.includes('late-0')) abort.abort();
    }
    await source.shutdown();
    expect(seen.sort()).toEqual(['a-0', 'a-1', 'b-0', 'c-0', 'late-0']);
    expect(await stored(checkpoints)).toMatchObject({ files: [], sealed: { [day1]: { files: 3 } } });
    expect((await readdir(day1)).sort()).toEqual(['a.json.gz', 'b.json.gz', 'late.json']);
  });
});

import { MemoryCheckpointStore, type CheckpointValue, type Clock } from '@jackwatch/core';
import { describe, expect, it } from 'vitest';
import { FileLedger } from './file-ledger.ts';

/** A store that counts writes and can be made to fail. */
class CountingStore extends MemoryCheckpointStore {
  writes = 0;
  failing = false;
  override async set(key: string, value: CheckpointValue): Promise<void> {
    this.writes++;
    await new Promise((resolve) => setTimeout(resolve, 5));
    if (this.failing) throw new Error('disk full');
    await super.set(key, value);
  }
}

/** A clock that only moves when told, and whose sleeps wait until they are aborted (or released). */
class SteppedClock implements Clock {
  time = 0;
  readonly sleeps: number[] = [];
  #release: (() => void) | undefined;
  now(): number {
    return this.time;
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    return new Promise((resolve, reject) => {
      this.#release = resolve;
      signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
    });
  }
  release(): void {
    this.#release?.();
  }
}

/** A store whose writes take `writeMs` of `clock` time. */
class SlowStore extends MemoryCheckpointStore {
  writes = 0;
  readonly clock: SteppedClock;
  readonly writeMs: number;
  constructor(clock: SteppedClock, writeMs: number) {
    super();
    this.clock = clock;
    this.writeMs = writeMs;
  }
  override async set(key: string, value: CheckpointValue): Promise<void> {
    this.writes++;
    this.clock.time += this.writeMs;
    await super.set(key, value);
  }
}

const settled = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const at = (next: number) => ({ size: 10, mtimeMs: 1, done: next === 3, next });

describe('FileLedger', () => {
  it('coalesces a burst of records into few writes and reloads what was written', async () => {
    const store = new CountingStore();
    const ledger = await FileLedger.load(store, (error) => {
      throw error;
    });
    for (let i = 0; i < 100; i++) ledger.record(`/logs/${i}.json`, at(3));
    ledger.record('/logs/live.ndjson', { ...at(2), offset: 512 });
    ledger.record('/logs/cut.json.gz', { ...at(3), incomplete: true });
    await ledger.flush();
    expect(store.writes).toBeLessThanOrEqual(2);

    const reloaded = await FileLedger.load(store, () => undefined);
    expect(reloaded.positions.size).toBe(102);
    expect(reloaded.positions.get('/logs/live.ndjson')).toEqual({ size: 10, mtimeMs: 1, done: false, next: 2, offset: 512 });
    expect(reloaded.positions.get('/logs/cut.json.gz')).toEqual({ size: 10, mtimeMs: 1, done: true, next: 3, incomplete: true });
  });

  it('forgets files that are gone', async () => {
    const store = new CountingStore();
    await store.set('files', { '/a.json': at(3), '/b.json': at(3) });
    const ledger = await FileLedger.load(store, () => undefined);
    expect([...ledger.positions.keys()]).toEqual(['/a.json', '/b.json']);
    ledger.retainOnly(new Set(['/b.json']));
    await ledger.flush();
    expect(Object.keys((await store.get('files')) as object)).toEqual(['/b.json']);
  });

  it.each([
    ['an array', [at(3)], 'expected an object, found an array'],
    ['a number', 42, 'expected an object, found a number'],
    ['an entry of the wrong type', { '/a.json': at(3), '/odd.json': { ...at(3), size: 'big' } }, 'at ["/odd.json"]["size"] expected a number, found a string'],
    ['a position that is not one', { '/a.json': 'done' }, 'at ["/a.json"] expected an object, found a string'],
    ['a negative record index', { '/a.json': { ...at(3), next: -1 } }, 'at ["/a.json"]["next"]'],
    ['a fractional byte offset', { '/a.ndjson': { ...at(2), offset: 1.5 } }, 'at ["/a.ndjson"]["offset"]'],
    ['an incomplete mark that is not a boolean', { '/a.json.gz': { ...at(3), incomplete: 'yes' } }, 'at ["/a.json.gz"]["incomplete"] expected a boolean, found a string'],
  ])('refuses a checkpoint holding %s rather than read every file again', async (_case, files, problem) => {
    const store = new CountingStore().scope('file');
    await store.set('files', files);
    await expect(FileLedger.load(store, () => undefined)).rejects.toThrow(`entry "files" is not an object of file positions ({ size, mtimeMs, done, next, offset?, incomplete? } by path): ${problem}`);
  });

  it('reports a failed write instead of throwing, and writes again on the next record', async () => {
    const store = new CountingStore();
    const errors: unknown[] = [];
    const ledger = await FileLedger.load(store, (error) => errors.push(error));
    store.failing = true;
    ledger.record('/a.json', at(3));
    await ledger.flush();
    expect(errors).toHaveLength(1);
    store.failing = false;
    ledger.record('/b.json', at(3));
    await ledger.flush();
    expect(Object.keys((await store.get('files')) as object)).toEqual(['/a.json', '/b.json']);
  });

  it('paces writes by what the last one cost, so a large checkpoint is not rewritten at every commit, and flush cuts the pause', async () => {
    const clock = new SteppedClock();
    const store = new SlowStore(clock, 10);
    const ledger = await FileLedger.load(store, (error) => {
      throw error;
    }, clock);
    ledger.record('/logs/a.json', at(3));
    await settled();
    expect(store.writes).toBe(1);

    ledger.record('/logs/b.json', at(3));
    ledger.record('/logs/c.json', at(3));
    await settled();
    expect(store.writes).toBe(1); // waiting: the last write took 10 ms, so the next one waits nine times that
    expect(clock.sleeps).toEqual([90]);

    clock.time += 90;
    clock.release();
    await settled();
    expect(store.writes).toBe(2);
    expect(Object.keys((await store.get('files')) as object)).toEqual(['/logs/a.json', '/logs/b.json', '/logs/c.json']);

    ledger.record('/logs/d.json', at(3));
    await settled();
    expect(store.writes).toBe(2);
    await ledger.flush(); // shutdown does not wait out the pause
    expect(store.writes).toBe(3);
    expect(Object.keys((await store.get('files')) as object)).toContain('/logs/d.json');
  });

  describe('sealed directories', () => {
    const stamp = { mtimeMs: 1000, ctimeMs: 1000, ino: 7 };
    const done = { size: 10, mtimeMs: 1, done: true, next: 3 };

    it('seals a proposed directory once its last file is recorded done, and keeps its stamp instead of its files', async () => {
      const store = new CountingStore();
      const ledger = await FileLedger.load(store, (error) => {
        throw error;
      }, undefined, 'filters');
      ledger.record('/logs/day/a.json', done);
      expect(ledger.propose(new Map([['/logs/day', { stamp, files: ['/logs/day/a.json', '/logs/day/b.json'] }]]))).toEqual([]);
      expect(ledger.record('/logs/day/b.json', { ...done, done: false })).toEqual([]);
      expect(ledger.record('/logs/day/b.json', done)).toEqual(['/logs/day/a.json', '/logs/day/b.json']);
      ledger.record('/logs/other/c.json', done);
      await ledger.flush();

      expect(await store.get('files')).toEqual({ '/logs/other/c.json': done });
      expect(await store.get('directories')).toEqual({ filters: 'filters', sealed: { '/logs/day': { ...stamp, files: 2 } } });
      const reloaded = await FileLedger.load(store, () => undefined, undefined, 'filters');
      expect([...reloaded.seals]).toEqual([['/logs/day', { ...stamp, files: 2 }]]);
      expect([...reloaded.positions.keys()]).toEqual(['/logs/other/c.json']);
    });

    it('seals at once a proposed directory whose files are all done, and none while a listing holds seals', async () => {
      const ledger = await FileLedger.load(new CountingStore(), () => undefined);
      ledger.record('/logs/day/a.json', done);
      ledger.propose(new Map([['/logs/day', { stamp, files: ['/logs/day/a.json', '/logs/day/b.json'] }]]));
      ledger.hold();
      expect(ledger.record('/logs/day/b.json', done)).toEqual([]);
      expect(ledger.seals.size).toBe(0);
      expect(ledger.propose(new Map([['/logs/day', { stamp, files: ['/logs/day/a.json', '/logs/day/b.json'] }]]))).toEqual(['/logs/day/a.json', '/logs/day/b.json']);
      expect(ledger.positions.size).toBe(0);
      expect(ledger.seals.get('/logs/day')).toEqual({ ...stamp, files: 2 });
    });

    it('does not seal over a file read before that is being read again, as it changed', async () => {
      const ledger = await FileLedger.load(new CountingStore(), () => undefined);
      ledger.record('/logs/day/a.json', done);
      const files = ['/logs/day/a.json'];
      expect(ledger.propose(new Map([['/logs/day', { stamp, files }]]), (path) => files.includes(path))).toEqual([]);
      expect(ledger.record('/logs/day/a.json', { ...done, size: 20, done: false })).toEqual([]);
      expect(ledger.record('/logs/day/a.json', { ...done, size: 20 })).toEqual(files);
    });

    it('does not seal over a file read to its end but cut short, whose writer may not be done', async () => {
      const ledger = await FileLedger.load(new CountingStore(), () => undefined);
      ledger.record('/logs/day/cut.json.gz', { ...done, incomplete: true });
      expect(ledger.propose(new Map([['/logs/day', { stamp, files: ['/logs/day/cut.json.gz'] }]]))).toEqual([]);
      expect(ledger.seals.size).toBe(0);
      expect(ledger.positions.get('/logs/day/cut.json.gz')).toEqual({ ...done, incomplete: true });
    });

    it('forgets seals of directories no longer reached', async () => {
      const store = new CountingStore();
      await store.set('directories', { filters: '', sealed: { '/logs/gone': { ...stamp, files: 1 }, '/logs/kept': { ...stamp, files: 1 } } });
      const ledger = await FileLedger.load(store, () => undefined);
      ledger.retainOnly(new Set(), new Set(['/logs/kept']));
      await ledger.flush();
      expect(Object.keys(((await store.get('directories')) as { sealed: object }).sealed)).toEqual(['/logs/kept']);
    });

    it('drops seals made under other paths, include or exclude, which may hide files the new ones take in', async () => {
      const store = new CountingStore();
      await store.set('directories', { filters: 'before', sealed: { '/logs/day': { ...stamp, files: 1 } } });
      const ledger = await FileLedger.load(store, () => undefined, undefined, 'after');
      expect(ledger.droppedSeals).toBe(1);
      expect(ledger.seals.size).toBe(0);
    });

    it.each([
      ['seals without their filters', { sealed: {} }, 'at ["filters"] expected a string, found nothing'],
      ['a seal without an inode', { filters: '', sealed: { '/logs/day': { mtimeMs: 1, ctimeMs: 1, files: 1 } } }, 'at ["sealed"]["/logs/day"]["ino"]'],
    ])('refuses a checkpoint holding %s rather than read files again or skip some', async (_case, directories, problem) => {
      const store = new CountingStore().scope('file');
      await store.set('directories', directories);
      await expect(FileLedger.load(store, () => undefined)).rejects.toThrow(`entry "directories" is not the sealed directories ({ filters, sealed: { mtimeMs, ctimeMs, ino, files } by path }): ${problem}`);
    });
  });
});

import { readCheckpoint, systemClock, type CheckpointStore, type CheckpointValue, type Clock } from '@jackwatch/core';
import { z } from 'zod';

/**
 * What is known of one file: its size and modification time when read,
 * whether every record was delivered (`done`), the next record to deliver
 * (`next`) and, for uncompressed NDJSON, the byte offset of that record.
 */
export interface FilePosition {
  readonly size: number;
  readonly mtimeMs: number;
  readonly done: boolean;
  readonly next: number;
  readonly offset?: number;
}

const KEY = 'files';

/**
 * After a write that took `d`, the next starts no sooner than `d` × this
 * later: writing the whole checkpoint takes at most a tenth of the time
 * however many files it holds, so its cost stays linear in the files read
 * instead of one full write per commit.
 */
const PAUSE_PER_WRITE_TIME = 9;

const count = z.number().int().nonnegative();
const positionsSchema = z.record(
  z.string(),
  z.object({ size: count, mtimeMs: z.number(), done: z.boolean(), next: count, offset: count.optional() }),
);

/**
 * The file source's checkpoint: the position of every file whose batches
 * were acked, kept under one key of the component's store.
 *
 * Writes are behind, coalesced and paced: {@link record} updates memory and
 * schedules a write if none is waiting; marks made meanwhile go into it. A
 * write waits, after the previous one, nine times as long as that one took
 * (see {@link PAUSE_PER_WRITE_TIME}), so a burst of acks costs one or two
 * writes and a large checkpoint is not rewritten at every commit;
 * {@link flush} cuts the wait and resolves once the last write is done. A crash between an ack and its write re-reads those
 * files on restart — at-least-once, and finding ids make that harmless.
 */
export class FileLedger {
  readonly #store: CheckpointStore;
  readonly #positions: Map<string, FilePosition>;
  readonly #onError: (error: unknown) => void;
  readonly #clock: Clock;
  #queued: Promise<void> | undefined;
  #last: Promise<void> = Promise.resolve();
  /** When the next write may start (clock time). */
  #nextWriteAt = Number.NEGATIVE_INFINITY;
  /** Aborts the pause before a waiting write ({@link flush}). */
  #pause: AbortController | undefined;
  /** A flush is waiting: no pause until it is done. */
  #hurry = false;

  private constructor(store: CheckpointStore, positions: Map<string, FilePosition>, onError: (error: unknown) => void, clock: Clock) {
    this.#store = store;
    this.#positions = positions;
    this.#onError = onError;
    this.#clock = clock;
  }

  /**
   * Reads the checkpoint. One that is not an object of positions is refused
   * (a `CheckpointError` naming the file): ignoring it would read every file
   * again, or skip some.
   */
  static async load(store: CheckpointStore, onError: (error: unknown) => void, clock: Clock = systemClock): Promise<FileLedger> {
    const stored = await readCheckpoint(store, KEY, positionsSchema, 'an object of file positions ({ size, mtimeMs, done, next, offset? } by path)');
    const positions = new Map<string, FilePosition>();
    for (const [path, { offset, ...position }] of Object.entries(stored ?? {})) {
      positions.set(path, offset === undefined ? position : { ...position, offset });
    }
    return new FileLedger(store, positions, onError, clock);
  }

  /** Every acked position, by absolute path. */
  get positions(): ReadonlyMap<string, FilePosition> {
    return this.#positions;
  }

  /** Remembers that `path` was delivered up to `position` and schedules a write. */
  record(path: string, position: FilePosition): void {
    this.#positions.set(path, position);
    this.#schedule();
  }

  /** Forgets files that are gone (not in `present`), so the checkpoint does not grow forever. */
  retainOnly(present: ReadonlySet<string>): void {
    let changed = false;
    for (const path of this.#positions.keys()) {
      if (present.has(path)) continue;
      this.#positions.delete(path);
      changed = true;
    }
    if (changed) this.#schedule();
  }

  /** Starts a waiting write now; resolves once every recorded position is written. */
  flush(): Promise<void> {
    this.#hurry = true;
    this.#pause?.abort();
    return (this.#queued ?? this.#last).finally(() => {
      if (this.#queued === undefined) this.#hurry = false;
    });
  }

  #schedule(): void {
    this.#queued ??= this.#last.then(async () => {
      await this.#paced();
      this.#queued = undefined;
      const began = this.#clock.now();
      await this.#write();
      this.#nextWriteAt = this.#clock.now() + (this.#clock.now() - began) * PAUSE_PER_WRITE_TIME;
    });
    this.#last = this.#queued;
  }

  async #paced(): Promise<void> {
    const wait = this.#nextWriteAt - this.#clock.now();
    if (wait <= 0 || this.#hurry) return;
    this.#pause = new AbortController();
    await this.#clock.sleep(wait, this.#pause.signal).catch(() => undefined);
    this.#pause = undefined;
  }

  async #write(): Promise<void> {
    const snapshot: Record<string, CheckpointValue> = {};
    for (const [path, p] of this.#positions) {
      snapshot[path] = p.offset === undefined
        ? { size: p.size, mtimeMs: p.mtimeMs, done: p.done, next: p.next }
        : { size: p.size, mtimeMs: p.mtimeMs, done: p.done, next: p.next, offset: p.offset };
    }
    try {
      await this.#store.set(KEY, snapshot);
    } catch (error) {
      this.#onError(error);
    }
  }
}

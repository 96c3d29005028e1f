import { readCheckpoint, type CheckpointStore, type CheckpointValue } from '@jackwatch/core';
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

const count = z.number().int().nonnegative();
const positionsSchema = z.record(
  z.string(),
  z.object({ size: count, mtimeMs: z.number(), done: z.boolean(), next: count, offset: count.optional() }),
);

/**
 * The file source's checkpoint: the position of every file whose batches
 * were acked, kept under one key of the component's store.
 *
 * Writes are behind and coalesced: {@link record} updates memory and starts a
 * write if none is running; marks made while one runs go into the next. So a
 * burst of acks costs one or two writes, not one per file; {@link flush}
 * waits for the last. A crash between an ack and its write re-reads those
 * files on restart — at-least-once, and finding ids make that harmless.
 */
export class FileLedger {
  readonly #store: CheckpointStore;
  readonly #positions: Map<string, FilePosition>;
  readonly #onError: (error: unknown) => void;
  #queued: Promise<void> | undefined;
  #last: Promise<void> = Promise.resolve();

  private constructor(store: CheckpointStore, positions: Map<string, FilePosition>, onError: (error: unknown) => void) {
    this.#store = store;
    this.#positions = positions;
    this.#onError = onError;
  }

  /**
   * Reads the checkpoint. One that is not an object of positions is refused
   * (a `CheckpointError` naming the file): ignoring it would read every file
   * again, or skip some.
   */
  static async load(store: CheckpointStore, onError: (error: unknown) => void): Promise<FileLedger> {
    const stored = await readCheckpoint(store, KEY, positionsSchema, 'an object of file positions ({ size, mtimeMs, done, next, offset? } by path)');
    const positions = new Map<string, FilePosition>();
    for (const [path, { offset, ...position }] of Object.entries(stored ?? {})) {
      positions.set(path, offset === undefined ? position : { ...position, offset });
    }
    return new FileLedger(store, positions, onError);
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

  /** Resolves once every recorded position is written. */
  flush(): Promise<void> {
    return this.#queued ?? this.#last;
  }

  #schedule(): void {
    this.#queued ??= this.#last.then(() => {
      this.#queued = undefined;
      return this.#write();
    });
    this.#last = this.#queued;
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

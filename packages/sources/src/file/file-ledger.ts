import { readCheckpoint, systemClock, type CheckpointStore, type CheckpointValue, type Clock } from '@jackwatch/core';
import { z } from 'zod';
import { parentOf, type DirectorySeal, type DirectoryStamp } from './directory-seal.ts';

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
  /** Read to its end, but cut short or damaged (it may have been caught mid-write): its directory is not sealed while it is so. */
  readonly incomplete?: true;
}

const KEY = 'files';
const SEALS_KEY = 'directories';

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
  z.object({ size: count, mtimeMs: z.number(), done: z.boolean(), next: count, offset: count.optional(), incomplete: z.boolean().optional() }),
);
const sealsSchema = z.object({
  filters: z.string(),
  sealed: z.record(z.string(), z.object({ mtimeMs: z.number(), ctimeMs: z.number(), ino: count, files: count })),
});

/** A directory that may be sealed once every file of `files` is done. */
export interface SealProposal {
  /** The directory's stamp, taken before the listing that found `files`. */
  readonly stamp: DirectoryStamp;
  readonly files: readonly string[];
}

interface PendingSeal extends SealProposal {
  /** Those of `files` not done yet. */
  readonly remaining: Set<string>;
}

/**
 * The file source's checkpoint: the position of every file whose batches
 * were acked (key `files`), and the directories sealed (key `directories`).
 *
 * A directory is sealed once every file the listing proposing it found in it
 * is done ({@link propose}): its stamp is kept and its files' positions are
 * dropped, so memory and the checkpoint grow with the files in flight and
 * the directories, not with every file ever read. A checkpoint written before
 * seals existed (no `directories`) loads as it is and is compacted as its
 * directories are sealed.
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
  readonly #seals: Map<string, DirectorySeal>;
  /** What `paths`, `include` and `exclude` were when the seals were made: a seal says which files of its directory were read under them. */
  readonly #filters: string;
  readonly #pending = new Map<string, PendingSeal>();
  /** A listing is under way: a directory whose files become done waits for its next proposal, so the listing sees one state. */
  #holding = false;
  #sealsChanged = false;
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

  private constructor(store: CheckpointStore, positions: Map<string, FilePosition>, seals: Map<string, DirectorySeal>, filters: string, onError: (error: unknown) => void, clock: Clock) {
    this.#store = store;
    this.#positions = positions;
    this.#seals = seals;
    this.#filters = filters;
    this.#onError = onError;
    this.#clock = clock;
  }

  /**
   * Reads the checkpoint. One that is not an object of positions, or whose
   * seals are not `{ filters, sealed }`, is refused (a `CheckpointError`
   * naming the file): ignoring it would read every file again, or skip some.
   *
   * `filters` identifies the source's `paths`, `include` and `exclude`: seals
   * made under others are dropped (see {@link droppedSeals}), as they may
   * hide files the new filters take in; their directories are read again.
   */
  static async load(store: CheckpointStore, onError: (error: unknown) => void, clock: Clock = systemClock, filters = ''): Promise<FileLedger> {
    const stored = await readCheckpoint(store, KEY, positionsSchema, 'an object of file positions ({ size, mtimeMs, done, next, offset?, incomplete? } by path)');
    const storedSeals = await readCheckpoint(store, SEALS_KEY, sealsSchema, 'the sealed directories ({ filters, sealed: { mtimeMs, ctimeMs, ino, files } by path })');
    const positions = new Map<string, FilePosition>();
    for (const [path, { offset, incomplete, ...position }] of Object.entries(stored ?? {})) {
      positions.set(path, { ...position, ...(offset === undefined ? {} : { offset }), ...(incomplete === true ? { incomplete } : {}) });
    }
    const seals = new Map<string, DirectorySeal>();
    const keep = storedSeals?.filters === filters;
    if (keep) for (const [dir, seal] of Object.entries(storedSeals.sealed)) seals.set(dir, seal);
    const ledger = new FileLedger(store, positions, seals, filters, onError, clock);
    ledger.droppedSeals = keep || storedSeals === undefined ? 0 : Object.keys(storedSeals.sealed).length;
    if (ledger.droppedSeals > 0) ledger.#sealsChanged = true;
    return ledger;
  }

  /** How many seals {@link load} dropped because the filters changed. */
  droppedSeals = 0;

  /** Every acked position, by absolute path. */
  get positions(): ReadonlyMap<string, FilePosition> {
    return this.#positions;
  }

  /** Every sealed directory, by path. */
  get seals(): ReadonlyMap<string, DirectorySeal> {
    return this.#seals;
  }

  /**
   * Remembers that `path` was delivered up to `position` and schedules a
   * write. Returns the files whose positions were dropped because this one
   * completed their directory's seal.
   */
  record(path: string, position: FilePosition): readonly string[] {
    this.#positions.set(path, position);
    this.#schedule();
    if (!isSealable(position) || this.#holding || this.#pending.size === 0) return [];
    const dir = parentOf(path);
    const pending = this.#pending.get(dir);
    if (pending === undefined || !pending.remaining.delete(path) || pending.remaining.size > 0) return [];
    return this.#seal(dir, pending);
  }

  /** Holds seals until the next {@link propose}, while a listing is under way. */
  hold(): void {
    this.#holding = true;
  }

  /**
   * Replaces the directories waiting to be sealed with `proposals` (from the
   * listing just made) and ends a {@link hold}. Each whose files are all done
   * is sealed now, the others once their last file is recorded done; a file
   * being `read` (again, as it changed, and not acked yet) is not done until
   * then. Returns the files whose positions were dropped.
   */
  propose(proposals: ReadonlyMap<string, SealProposal>, read: (path: string) => boolean = () => false): readonly string[] {
    this.#holding = false;
    this.#pending.clear();
    const dropped: string[] = [];
    for (const [dir, { stamp, files }] of proposals) {
      const remaining = new Set<string>();
      for (const file of files) if (!isSealable(this.#positions.get(file)) || read(file)) remaining.add(file);
      const pending = { stamp, files, remaining };
      if (remaining.size === 0) dropped.push(...this.#seal(dir, pending));
      else this.#pending.set(dir, pending);
    }
    return dropped;
  }

  /**
   * Forgets files that are gone (not in `present`) and seals of directories
   * no longer reached (not in `reached`), so the checkpoint does not grow forever.
   */
  retainOnly(present: ReadonlySet<string>, reached: ReadonlySet<string> = new Set()): void {
    let changed = false;
    for (const path of this.#positions.keys()) {
      if (present.has(path)) continue;
      this.#positions.delete(path);
      changed = true;
    }
    for (const dir of this.#seals.keys()) {
      if (reached.has(dir)) continue;
      this.#seals.delete(dir);
      this.#sealsChanged = changed = true;
    }
    if (changed) this.#schedule();
  }

  #seal(dir: string, pending: SealProposal): readonly string[] {
    for (const file of pending.files) this.#positions.delete(file);
    this.#seals.set(dir, { ...pending.stamp, files: pending.files.length });
    this.#pending.delete(dir);
    this.#sealsChanged = true;
    this.#schedule();
    return pending.files;
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

  // Both taken at once, seals written first: a crash between the two writes leaves positions beside their seal
  // (forgotten at the next listing), never a position dropped without its seal.
  async #write(): Promise<void> {
    let sealed: Record<string, CheckpointValue> | undefined;
    if (this.#sealsChanged) {
      this.#sealsChanged = false;
      sealed = {};
      for (const [dir, { mtimeMs, ctimeMs, ino, files }] of this.#seals) sealed[dir] = { mtimeMs, ctimeMs, ino, files };
    }
    const snapshot: Record<string, CheckpointValue> = {};
    for (const [path, p] of this.#positions) {
      const entry: Record<string, CheckpointValue> = { size: p.size, mtimeMs: p.mtimeMs, done: p.done, next: p.next };
      if (p.offset !== undefined) entry.offset = p.offset;
      if (p.incomplete === true) entry.incomplete = true;
      snapshot[path] = entry;
    }
    try {
      if (sealed !== undefined) await this.#store.set(SEALS_KEY, { filters: this.#filters, sealed });
      await this.#store.set(KEY, snapshot);
    } catch (error) {
      if (sealed !== undefined) this.#sealsChanged = true;
      this.#onError(error);
    }
  }
}

/** A file read whole, to its end: one its directory can be sealed over. */
function isSealable(position: FilePosition | undefined): boolean {
  return position !== undefined && position.done && position.incomplete !== true;
}

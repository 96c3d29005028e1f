import { readCheckpoint, type CheckpointStore, type CheckpointValue } from '@jackwatch/core';
import { z } from 'zod';
import type { PartitionPosition } from './partition-cursor.ts';

const positionsSchema = z.record(z.string(), z.object({ after: z.string(), recent: z.array(z.string()) }));

/**
 * The poll-mode checkpoint of one bucket: a position per partition prefix,
 * stored as one value under `s3://<bucket>` in the component's checkpoint
 * store. Commits are coalesced — while one write runs, later commits join
 * the next — so a fast stream of acknowledgements costs a bounded number of
 * writes, and each commit resolves only once its position is durable.
 */
export class PollCheckpoint {
  readonly #store: CheckpointStore;
  readonly #key: string;
  readonly #positions: Record<string, PartitionPosition> = {};
  #writing: Promise<void> | undefined;
  #queued: Promise<void> | undefined;

  constructor(store: CheckpointStore, bucket: string) {
    this.#store = store;
    this.#key = `s3://${bucket}`;
  }

  /** Reads the stored positions, by partition prefix; refuses (`CheckpointError`) a value of another shape rather than list from the start. */
  async load(): Promise<ReadonlyMap<string, PartitionPosition>> {
    const stored = await readCheckpoint(this.#store, this.#key, positionsSchema, 'an object of partition positions ({ after, recent } by prefix)');
    const positions = new Map<string, PartitionPosition>();
    for (const [prefix, position] of Object.entries(stored ?? {})) {
      positions.set(prefix, position);
      this.#positions[prefix] = position;
    }
    return positions;
  }

  /** Records a partition's new position; resolves once it was written. */
  commit(prefix: string, position: PartitionPosition): Promise<void> {
    this.#positions[prefix] = position;
    if (this.#queued) return this.#queued;
    if (!this.#writing) return this.#startWrite();
    this.#queued = this.#writing.catch(() => undefined).then(() => {
      this.#queued = undefined;
      return this.#startWrite();
    });
    return this.#queued;
  }

  #startWrite(): Promise<void> {
    const snapshot: Record<string, CheckpointValue> = {};
    for (const [prefix, position] of Object.entries(this.#positions)) snapshot[prefix] = { after: position.after, recent: [...position.recent] };
    const write = this.#store.set(this.#key, snapshot).finally(() => {
      if (this.#writing === write) this.#writing = undefined;
    });
    this.#writing = write;
    return write;
  }
}

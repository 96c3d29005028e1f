import type { CheckpointStore, CheckpointValue } from '@jackwatch/core';
import type { PartitionPosition } from './partition-cursor.ts';

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

  /** Reads the stored positions, by partition prefix. */
  async load(): Promise<ReadonlyMap<string, PartitionPosition>> {
    const value = await this.#store.get(this.#key);
    const positions = new Map<string, PartitionPosition>();
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return positions;
    for (const [prefix, position] of Object.entries(value as Record<string, CheckpointValue>)) {
      if (isPosition(position)) {
        positions.set(prefix, position);
        this.#positions[prefix] = position;
      }
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

function isPosition(value: CheckpointValue): value is { after: string; recent: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const { after, recent } = value as { after?: unknown; recent?: unknown };
  return typeof after === 'string' && Array.isArray(recent) && recent.every((key) => typeof key === 'string');
}

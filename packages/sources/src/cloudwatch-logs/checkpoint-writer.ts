import { readCheckpoint, type CheckpointStore } from '@jackwatch/core';
import { isAhead, type LogGroupPosition, logGroupPositionSchema, positionToCheckpoint } from './log-group-position.ts';

/**
 * Writes log group positions to the component's checkpoint store, only ever
 * forward: a commit behind what is already stored is ignored, so the position
 * a restart resumes from never moves back.
 */
export class CheckpointWriter {
  readonly #store: CheckpointStore;
  readonly #committed = new Map<string, LogGroupPosition>();

  constructor(store: CheckpointStore) {
    this.#store = store;
  }

  /** The stored position of the group `key`, if any; one of another shape is refused (`CheckpointError`) rather than read from `startTime`. */
  async load(key: string): Promise<LogGroupPosition | undefined> {
    const position = await readCheckpoint(this.#store, key, logGroupPositionSchema, 'a log group position ({ timestamp, eventIds })');
    if (position) this.#committed.set(key, position);
    return position;
  }

  /** Stores `position` for `key` unless the stored one is already as far. */
  async commit(key: string, position: LogGroupPosition): Promise<void> {
    const committed = this.#committed.get(key);
    if (committed !== undefined && !isAhead(position, committed)) return;
    this.#committed.set(key, position);
    await this.#store.set(key, positionToCheckpoint(position));
  }
}

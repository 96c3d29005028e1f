import { CheckpointError, CheckpointWriteError } from './checkpoint-error.ts';
import type { CheckpointStore, CheckpointValue } from './checkpoint-store.ts';

/** Where a {@link ReportingCheckpointStore} tells of failed writes. */
export interface CheckpointWriteHooks {
  /** The first failed write since the last one that succeeded (or since the start). */
  failed(error: unknown): void;
  /** Each further failed write of the streak; `failures` counts the streak so far. */
  failedAgain(failures: number, error: unknown): void;
  /** A write succeeded after failed ones; `failures` is how many failed in between. */
  recovered(failures: number): void;
  /** Any write that succeeded (a commit made durable). */
  written?(): void;
}

/**
 * A component's view of its checkpoint store in which a failed write does
 * not fail the caller, so a full disk or a read-only directory never stops
 * the reading or the findings: the store kept the values, the next write
 * (the next commit) carries them, and only the first failure of a streak is
 * reported — one report naming the file, not one per commit. Checkpoints
 * that cannot be used at all (a corrupt file) still throw.
 */
export class ReportingCheckpointStore implements CheckpointStore {
  readonly #store: CheckpointStore;
  readonly #hooks: CheckpointWriteHooks;
  #failures = 0;

  constructor(store: CheckpointStore, hooks: CheckpointWriteHooks) {
    this.#store = store;
    this.#hooks = hooks;
  }

  get(key: string): Promise<CheckpointValue | undefined> {
    return this.#store.get(key);
  }

  set(key: string, value: CheckpointValue): Promise<void> {
    return this.#write(() => this.#store.set(key, value));
  }

  delete(key: string): Promise<void> {
    return this.#write(() => this.#store.delete(key));
  }

  entries(): Promise<ReadonlyMap<string, CheckpointValue>> {
    return this.#store.entries();
  }

  scope(scope: string): CheckpointStore {
    return new ReportingCheckpointStore(this.#store.scope(scope), this.#hooks);
  }

  refuse(key: string, problem: string): Error {
    return this.#store.refuse(key, problem);
  }

  async #write(write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (error instanceof CheckpointError && !(error instanceof CheckpointWriteError)) throw error;
      if (this.#failures++ === 0) this.#hooks.failed(error);
      else this.#hooks.failedAgain(this.#failures, error);
      return;
    }
    if (this.#failures > 0) this.#hooks.recovered(this.#failures);
    this.#failures = 0;
    this.#hooks.written?.();
  }
}

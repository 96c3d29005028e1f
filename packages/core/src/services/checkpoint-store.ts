/** A JSON-serializable checkpoint value. */
export type CheckpointValue = string | number | boolean | null | readonly CheckpointValue[] | { readonly [key: string]: CheckpointValue };

/**
 * Where sources remember what is done (S3 keys, CloudWatch positions, file
 * offsets). Written only after the findings from that input reached every
 * sink. A component receives a store already scoped to its own id.
 *
 * A store keeps what `set` and `delete` were given even when writing it out
 * fails, so the next write carries it.
 */
export interface CheckpointStore {
  /** The value under `key`; rejects with a `CheckpointError` when the stored checkpoint cannot be read or is not one. */
  get(key: string): Promise<CheckpointValue | undefined>;
  set(key: string, value: CheckpointValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key and value in this scope. */
  entries(): Promise<ReadonlyMap<string, CheckpointValue>>;
  /** A view of this store whose keys are prefixed by `scope`. */
  scope(scope: string): CheckpointStore;
  /**
   * The error to throw for a value under `key` its reader cannot use (the
   * wrong shape): it names where the checkpoint is kept and how to start
   * over. Readers throw it rather than ignore the value, which would read
   * input again or skip it without a word.
   */
  refuse(key: string, problem: string): Error;
}

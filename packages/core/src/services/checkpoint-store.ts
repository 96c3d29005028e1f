/** A JSON-serializable checkpoint value. */
export type CheckpointValue = string | number | boolean | null | readonly CheckpointValue[] | { readonly [key: string]: CheckpointValue };

/**
 * Where sources remember what is done (S3 keys, CloudWatch positions, file
 * offsets). Written only after the findings from that input reached every
 * sink. A component receives a store already scoped to its own id.
 */
export interface CheckpointStore {
  get(key: string): Promise<CheckpointValue | undefined>;
  set(key: string, value: CheckpointValue): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every key and value in this scope. */
  entries(): Promise<ReadonlyMap<string, CheckpointValue>>;
  /** A view of this store whose keys are prefixed by `scope`. */
  scope(scope: string): CheckpointStore;
}

/**
 * A checkpoint that cannot be used: a file that is not JSON, holds the wrong
 * shape, cannot be read, or would be shared by two components. Thrown where
 * the checkpoint is loaded, so the component stops instead of guessing —
 * guessing would read input again or skip it. The message names where the
 * checkpoint is kept and how to recover.
 */
export class CheckpointError extends Error {
  override readonly name: string = 'CheckpointError';
  /** Where the checkpoint is kept: a file path, or a description of an in-memory store. */
  readonly location: string;
  /** The scope (component id) whose checkpoint it is. */
  readonly scope: string;

  constructor(message: string, details: { readonly location: string; readonly scope: string; readonly cause?: unknown }) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.location = details.location;
    this.scope = details.scope;
  }
}

/**
 * A checkpoint write that failed (`ENOSPC`, `EACCES`, a read-only or missing
 * directory). The store kept the values, so the next write carries them:
 * unlike other {@link CheckpointError}s it need not stop the component.
 */
export class CheckpointWriteError extends CheckpointError {
  override readonly name: string = 'CheckpointWriteError';
}

import { Pipeline } from '../runtime/pipeline.ts';

/**
 * A {@link Pipeline} that can be disposed with `await using`: disposal is
 * `shutdown()` (idempotent, safe without `start`). Everything else is the
 * runtime's own pipeline, unchanged.
 *
 * @example
 * ```ts
 * await using pipeline = createPipeline({ sources: [eventSource(records)], detectors: [rule] });
 * const result = await pipeline.run();
 * ```
 */
export class EmbeddedPipeline extends Pipeline implements AsyncDisposable {
  [Symbol.asyncDispose](): Promise<void> {
    return this.shutdown();
  }
}

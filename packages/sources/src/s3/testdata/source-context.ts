import {
  type CheckpointStore,
  type ComponentContext,
  CounterSet,
  type Interest,
  MemoryCheckpointStore,
  type Rejection,
  type SourceBatch,
  silentLogger,
  systemClock,
} from '@jackwatch/core';

/** A real component context whose reported rejections and errors a test can read. */
export interface RecordingContext extends ComponentContext {
  readonly telemetry: CounterSet;
  readonly rejections: Rejection[];
  readonly failures: unknown[];
}

/** Builds a context for the source `id`, sharing `checkpoints` across "restarts" when given. */
export function recordingContext(id: string, options: { checkpoints?: CheckpointStore; interest?: Interest } = {}): RecordingContext {
  const rejections: Rejection[] = [];
  const failures: unknown[] = [];
  return {
    id,
    logger: silentLogger,
    clock: systemClock,
    checkpoints: options.checkpoints ?? new MemoryCheckpointStore().scope(id),
    telemetry: new CounterSet(),
    errors: { reject: (rejection) => rejections.push(rejection), error: (_component, error) => failures.push(error) },
    interest: options.interest ?? 'all',
    baseDir: process.cwd(),
    rejections,
    failures,
  };
}

/** The `s3://bucket/key` an event or batch came from. */
export const batchLocation = (batch: SourceBatch): string | undefined => batch.events[0]?.origin.location;

/**
 * Reads batches as the runtime would: acks each (in order) before pulling the
 * next, stops after `limit` batches or when the source ends.
 */
export async function drain(batches: AsyncIterable<SourceBatch>, options: { limit?: number; ack?: boolean } = {}): Promise<SourceBatch[]> {
  const read: SourceBatch[] = [];
  if (options.limit === 0) return read;
  for await (const batch of batches) {
    read.push(batch);
    if (options.ack !== false) await batch.ack?.();
    if (options.limit !== undefined && read.length >= options.limit) break;
  }
  return read;
}

import type { LogRecordProcessor, ReadableLogRecord, ReadWriteLogRecord } from '@opentelemetry/sdk-logs';

/**
 * A LogRecordProcessor that hands the records emitted during `capture()` back
 * to the caller instead of queueing them: the sink batches, retries and
 * dead-letters itself, so it must know the fate of every record (the SDK's
 * BatchLogRecordProcessor drops records on a failed export or a full queue).
 */
export class CapturingLogRecordProcessor implements LogRecordProcessor {
  #target: ReadableLogRecord[] | undefined;

  /** Runs `emit` (which calls `logger.emit` synchronously) and returns the records it produced. */
  capture(emit: () => void): ReadableLogRecord[] {
    const records: ReadableLogRecord[] = [];
    this.#target = records;
    try {
      emit();
    } finally {
      this.#target = undefined;
    }
    return records;
  }

  onEmit(record: ReadWriteLogRecord): void {
    this.#target?.push(record);
  }

  async forceFlush(): Promise<void> {}

  async shutdown(): Promise<void> {}
}

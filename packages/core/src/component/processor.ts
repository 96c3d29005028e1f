import type { TrailEvent } from '../event/trail-event.ts';

/** Transforms or drops events between sources and detectors (filter, allowlist, enrichment). */
export interface Processor {
  /** Returns the events to pass on; may return the input array unchanged. */
  process(events: readonly TrailEvent[]): readonly TrailEvent[];
  shutdown(): Promise<void>;
}

import type { Detector } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import { arrange, type ArrivalOrder } from './arrival-order.ts';

/** Options of {@link runDetector}. */
export interface RunOptions {
  /** Arrival order (default `'sorted'`); see {@link ArrivalOrder}. */
  readonly order?: ArrivalOrder;
  /** Seed of the `'shuffled'` order (default 1). */
  readonly seed?: number | string;
  /** The pipeline's allowed lateness (ms): the watermark is the newest event time seen minus this (default 0). */
  readonly allowedLateness?: number;
  /** Events per batch: the watermark advances after each batch, as in the runtime (default 1). */
  readonly batchSize?: number;
}

/** What a {@link runDetector} run produced. */
export interface RunResult {
  /** Every finding, in emission order. */
  readonly findings: Finding[];
  /** Their ids, in emission order. */
  readonly ids: string[];
  /** `stateSize()` once the watermark has passed the newest event by the detector's span (before `flush`). */
  readonly stateSizeAfter: number;
  /** The largest `stateSize()` seen after a batch. */
  readonly peakStateSize: number;
  /** Events that arrived older than the watermark (beyond the allowed lateness). */
  readonly lateEvents: number;
  /** The events in the order they were fed. */
  readonly arrival: readonly TrailEvent[];
}

/**
 * Feeds events to a detector the way the pipeline runtime does: in the
 * arrival order asked for, in batches, advancing the watermark (newest event
 * time seen − allowed lateness) after each batch; then moves the watermark
 * past every event by the detector's span, reads the state size, and flushes.
 *
 * @example
 * ```ts
 * const { ids, stateSizeAfter } = runDetector(detector, events, { order: 'shuffled', seed: 7, allowedLateness: 300_000 });
 * expect(stateSizeAfter).toBe(0);
 * ```
 */
export function runDetector(detector: Detector, events: readonly TrailEvent[], options: RunOptions = {}): RunResult {
  const lateness = options.allowedLateness ?? 0;
  const batchSize = Math.max(1, options.batchSize ?? 1);
  const arrival = arrange(events, options.order ?? 'sorted', options.seed ?? 1, lateness);
  const findings: Finding[] = [];
  const emit = (finding: Finding): void => {
    findings.push(finding);
  };
  let newest = Number.NEGATIVE_INFINITY;
  let watermark = Number.NEGATIVE_INFINITY;
  let peakStateSize = detector.stateSize();
  let lateEvents = 0;
  for (let start = 0; start < arrival.length; start += batchSize) {
    const end = Math.min(arrival.length, start + batchSize);
    for (let i = start; i < end; i++) {
      const event = arrival[i]!;
      if (event.time < watermark) lateEvents++;
      if (event.time > newest) newest = event.time;
      detector.onEvent(event, emit);
    }
    const next = newest - lateness;
    if (next > watermark) {
      watermark = next;
      detector.onWatermark(watermark, emit);
    }
    peakStateSize = Math.max(peakStateSize, detector.stateSize());
  }
  if (arrival.length > 0) detector.onWatermark(newest + detector.span + 1, emit);
  const stateSizeAfter = detector.stateSize();
  detector.flush(emit);
  return { findings, ids: findings.map((f) => f.id), stateSizeAfter, peakStateSize, lateEvents, arrival };
}

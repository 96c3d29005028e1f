import type { Detector, FindingEmitter } from '../component/detector.ts';
import type { SourceProgress } from '../component/source.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import type { CounterLabels, Telemetry } from '../services/telemetry.ts';
import { DetectorRouter } from './detector-router.ts';
import type { Named } from './pipeline-parts.ts';
import { ReorderBuffer } from './reorder-buffer.ts';
import { WatermarkTracker, type PartitionTime } from './watermark-tracker.ts';
import { METRICS } from '../services/metric-catalog.ts';

/** Findings of one detector since the last batch ended, by severity: counted once per batch, not per finding. */
interface FindingCount {
  readonly labels: CounterLabels;
  readonly bySeverity: Map<string, number>;
}

/** What the engine needs besides the detectors. */
export interface EngineOptions {
  readonly allowedLateness: number;
  readonly ordering: { readonly lateness: number } | undefined;
  readonly telemetry: Telemetry | undefined;
  /** Capacity of the ordering buffer in events (default 1,000,000). */
  readonly orderingCapacity?: number;
  /** Labels added to every counter (a pipeline's id, so pipelines sharing one telemetry stay apart). */
  readonly labels?: CounterLabels;
}

/**
 * The detection stage of the runtime, shared by {@link Pipeline} and the
 * embedding API: per-partition watermark, optional reordering, routing by
 * interest, watermark advance, end-of-input flush. Findings go to `deliver`
 * synchronously, in emission order.
 */
export class DetectionEngine {
  readonly #tracker: WatermarkTracker;
  readonly #router: DetectorRouter;
  readonly #ordering: { readonly lateness: number; readonly buffer: ReorderBuffer } | undefined;
  readonly #emitters: Map<Detector, FindingEmitter>;
  readonly #telemetry: Telemetry | undefined;
  readonly #labels: CounterLabels;
  // Findings per detector since the counters were last written: a rule firing on most events adds one counter write per batch, not per finding.
  readonly #findingCounts: FindingCount[] = [];
  #watermark = Number.NEGATIVE_INFINITY;

  constructor(detectors: readonly Named<Detector>[], options: EngineOptions, deliver: (finding: Finding) => void) {
    this.#tracker = new WatermarkTracker(options.allowedLateness);
    this.#router = new DetectorRouter(detectors.map((d) => d.component));
    this.#ordering = options.ordering ? { lateness: options.ordering.lateness, buffer: new ReorderBuffer(options.orderingCapacity) } : undefined;
    this.#telemetry = options.telemetry;
    const labels = options.labels ?? {};
    this.#labels = labels;
    this.#emitters = new Map(
      detectors.map(({ id, component }) => {
        const counted: FindingCount = { labels: { ...labels, detector: id }, bySeverity: new Map() };
        this.#findingCounts.push(counted);
        return [
          component,
          (finding: Finding) => {
            counted.bySeverity.set(finding.severity, (counted.bySeverity.get(finding.severity) ?? 0) + 1);
            deliver(finding);
          },
        ];
      }),
    );
  }

  /** The live partitions and the newest event time of each (see {@link WatermarkTracker}). */
  partitionTimes(): IterableIterator<PartitionTime> {
    return this.#tracker.partitionTimes();
  }

  /** The current watermark (event time, epoch ms). */
  get watermark(): number {
    return this.#watermark;
  }

  /**
   * Feeds one batch: routes its events, then advances the watermark.
   * `progress` is what the source knows beyond the events (a skipped file).
   * Returns how many events were late for their partition.
   */
  push(events: readonly TrailEvent[], source = 'detect', progress?: SourceProgress): number {
    const late = this.#tracker.observe(events);
    if (progress) this.#tracker.observeProgress(source, progress.account, progress.region, progress.time);
    if (late > 0) this.#telemetry?.add(METRICS.eventsLate.name, late, { ...this.#labels, source });
    if (this.#ordering) {
      const { buffer, lateness } = this.#ordering;
      this.#route(buffer.push(events));
      this.#route(buffer.release(this.#tracker.frontier - lateness));
    } else {
      this.#route(events);
    }
    const watermark = this.#tracker.watermark;
    if (watermark > this.#watermark) {
      this.#watermark = watermark;
      for (const [detector, emit] of this.#emitters) detector.onWatermark(watermark, emit);
    }
    this.#countFindings();
    return late;
  }

  /** End of input: releases what ordering holds and flushes every detector. */
  finish(): void {
    if (this.#ordering) this.#route(this.#ordering.buffer.drain());
    for (const [detector, emit] of this.#emitters) detector.flush(emit);
    this.#countFindings();
  }

  #countFindings(): void {
    for (const counted of this.#findingCounts) {
      if (counted.bySeverity.size === 0) continue;
      for (const [severity, count] of counted.bySeverity) this.#telemetry?.add(METRICS.findings.name, count, { ...counted.labels, severity });
      counted.bySeverity.clear();
    }
  }

  #route(events: readonly TrailEvent[]): void {
    for (const event of events) {
      const detectors = this.#router.route(event);
      for (let i = 0; i < detectors.length; i++) {
        const detector = detectors[i]!;
        detector.onEvent(event, this.#emitters.get(detector)!);
      }
    }
  }
}

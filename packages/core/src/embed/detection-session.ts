import type { Detector } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import type { Telemetry } from '../services/telemetry.ts';
import { DetectionEngine } from '../runtime/detection-engine.ts';
import { nameDetectors, type Nameable } from './name-parts.ts';
import { METRICS } from '../services/metric-catalog.ts';

/** Options of {@link DetectionSession} and `detect`. Every field has the runtime's default. */
export interface DetectOptions {
  /** Watermark = newest event time (min over account/region partitions) minus this, in ms. Default 15 minutes. */
  readonly allowedLateness?: number;
  /** Sort events within `lateness` ms before the detectors (exact, at the cost of that latency). Off by default. */
  readonly ordering?: { readonly lateness: number };
  /** Counts `jackwatch.source.events.read`, `jackwatch.pipeline.events.late` and `jackwatch.detector.findings` (label `detector`). */
  readonly telemetry?: Telemetry;
}

/**
 * Detectors fed by you, synchronously: `push` a batch of events and get back
 * the findings it completed (its own, and those the advancing watermark
 * released); `end` flushes. For request/response code — an HTTP handler, a
 * Lambda, a queue consumer — where an Observable is in the way. The session
 * owns its detectors' state; nothing is shared with any other session.
 *
 * @example
 * ```ts
 * const session = new DetectionSession(bedrockRules(), { allowedLateness: 5 * 60_000 });
 * app.post('/events', (req, res) => res.json(session.push(decode(req.body))));
 * process.on('SIGTERM', () => alert(session.end()));
 * ```
 */
export class DetectionSession {
  readonly #engine: DetectionEngine;
  readonly #telemetry: Telemetry | undefined;
  #collected: Finding[] = [];
  #ended = false;

  constructor(detectors: readonly Nameable<Detector>[], options: DetectOptions = {}) {
    this.#telemetry = options.telemetry;
    this.#engine = new DetectionEngine(
      nameDetectors(detectors),
      { allowedLateness: options.allowedLateness ?? 15 * 60_000, ordering: options.ordering, telemetry: options.telemetry },
      (finding) => void this.#collected.push(finding),
    );
  }

  /** The current watermark (event time, epoch ms); `-Infinity` before the first event. */
  get watermark(): number {
    return this.#engine.watermark;
  }

  /** True once {@link end} was called. */
  get ended(): boolean {
    return this.#ended;
  }

  /**
   * Feeds one batch (the watermark advances once, after it) and returns the
   * findings emitted meanwhile, in order.
   *
   * @throws {Error} after {@link end}, or whatever a detector throws.
   */
  push(events: readonly TrailEvent[]): Finding[] {
    if (this.#ended) throw new Error('DetectionSession: push() after end()');
    this.#telemetry?.add(METRICS.eventsRead.name, events.length, { source: 'detect' });
    this.#engine.push(events);
    return this.#take();
  }

  /** End of input: flushes every detector and returns what they still emit. Idempotent. */
  end(): Finding[] {
    if (this.#ended) return [];
    this.#ended = true;
    this.#engine.finish();
    return this.#take();
  }

  #take(): Finding[] {
    const findings = this.#collected;
    this.#collected = [];
    return findings;
  }
}

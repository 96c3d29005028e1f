import { Subject, type Observable, type Subscription } from 'rxjs';
import type { Detector, DetectorMeta, FindingEmitter } from '../component/detector.ts';
import type { Interest } from '../event/interest.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';

/**
 * A raw detection pipeline: events in, findings out. `watermarks` carries
 * each watermark the runtime announces (event time, epoch ms), so windows can
 * close in event time; both streams complete at end of input. An RxJS
 * `OperatorFunction<TrailEvent, Finding>` fits as is.
 */
export type DetectionOperator = (events: Observable<TrailEvent>, watermarks: Observable<number>) => Observable<Finding>;

/** Options of {@link fromOperator}. */
export interface FromOperatorSpec {
  readonly meta: DetectorMeta;
  readonly interest: Interest;
  /** The longest event-time span (ms) the operator relates events over. */
  readonly span: number;
  readonly operator: DetectionOperator;
  /** Reports the operator's live state entries (default: always 0). */
  readonly stateSize?: () => number;
  /** Called when the operator errors; the operator is then restarted with empty state. */
  readonly onError?: (error: unknown) => void;
}

/**
 * The escape hatch: a {@link Detector} over an RxJS operator, for logic the
 * `match`, `threshold` and `sequence` primitives cannot express. The
 * operator must stay in event time (no `Date.now()`, no timers such as
 * `bufferTime`): group and window by `event.time` and close by watermark.
 * Findings are delivered synchronously to the emitter of the call that
 * produced them. After `flush` the operator starts again, empty.
 *
 * @example
 * ```ts
 * fromOperator({ meta, interest, span: 0,
 *   operator: (events) => events.pipe(filter((e) => e.action === 'StopLogging'), map((e) => toFinding(e))) });
 * ```
 */
export function fromOperator(spec: FromOperatorSpec): Detector {
  return new OperatorDetector(spec);
}

class OperatorDetector implements Detector {
  readonly meta: DetectorMeta;
  readonly interest: Interest;
  readonly span: number;
  readonly #spec: FromOperatorSpec;
  #events!: Subject<TrailEvent>;
  #watermarks!: Subject<number>;
  #subscription: Subscription | undefined;
  #emit: FindingEmitter | undefined;
  #failed = false;
  readonly #deliver = (finding: Finding): void => this.#emit?.(finding);

  constructor(spec: FromOperatorSpec) {
    this.#spec = spec;
    this.meta = spec.meta;
    this.interest = spec.interest;
    this.span = spec.span;
    this.#start();
  }

  onEvent(event: TrailEvent, emit: FindingEmitter): void {
    this.#emit = emit;
    if (this.#failed) this.#start();
    this.#events.next(event);
  }

  onWatermark(watermark: number, emit: FindingEmitter): void {
    this.#emit = emit;
    if (this.#failed) this.#start();
    this.#watermarks.next(watermark);
  }

  flush(emit: FindingEmitter): void {
    this.#emit = emit;
    this.#events.complete();
    this.#watermarks.complete();
    this.#subscription?.unsubscribe();
    this.#start();
  }

  stateSize(): number {
    return this.#spec.stateSize?.() ?? 0;
  }

  // After an error the operator restarts lazily, on the next call, so an
  // operator that fails on subscribe cannot loop.
  #start(): void {
    this.#failed = false;
    this.#events = new Subject<TrailEvent>();
    this.#watermarks = new Subject<number>();
    this.#subscription = this.#spec.operator(this.#events, this.#watermarks).subscribe({
      next: this.#deliver,
      error: (error: unknown) => {
        this.#failed = true;
        this.#spec.onError?.(error);
      },
    });
  }
}

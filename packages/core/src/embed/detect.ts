import { from, Observable, type ObservableInput } from 'rxjs';
import type { Detector } from '../component/detector.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import { DetectionSession, type DetectOptions } from './detection-session.ts';
import type { Nameable } from './name-parts.ts';

/** What {@link detect} reads: an Observable, an async iterable or an iterable of events or batches of events. */
export type DetectInput = ObservableInput<TrailEvent | readonly TrailEvent[]>;

/**
 * Runs detectors over a stream of events, without sources, sinks or
 * config: the Observable of findings it returns is cold, and subscribing
 * starts the reading. Findings are emitted as soon as their evidence has
 * arrived; watermarks advance as in the runtime (per account and region);
 * at the end of input the detectors are flushed and the Observable
 * completes. Unsubscribing stops the reading.
 *
 * Detectors keep state, so one `detect` call owns them: the Observable may
 * be subscribed once (a second subscription errors). Call `detect` again
 * with fresh detectors for another stream — two calls share nothing.
 *
 * @example
 * ```ts
 * detect(events$, [loggingDeletionRule({})], { allowedLateness: 60_000 })
 *   .subscribe((finding) => alerts.send(finding));
 * ```
 */
export function detect(events: DetectInput, detectors: readonly Nameable<Detector>[], options: DetectOptions = {}): Observable<Finding> {
  const session = new DetectionSession(detectors, options);
  let subscribed = false;
  return new Observable<Finding>((subscriber) => {
    if (subscribed) {
      subscriber.error(new Error("detect(): this Observable was already subscribed and its detectors hold that run's state; call detect() again with new detectors"));
      return undefined;
    }
    subscribed = true;
    const emit = (findings: readonly Finding[]): void => {
      for (const finding of findings) subscriber.next(finding);
    };
    const subscription = from(events).subscribe({
      next: (item) => {
        try {
          emit(session.push(isBatch(item) ? item : [item]));
        } catch (error) {
          subscriber.error(error);
        }
      },
      error: (error: unknown) => subscriber.error(error),
      complete: () => {
        try {
          emit(session.end());
          subscriber.complete();
        } catch (error) {
          subscriber.error(error);
        }
      },
    });
    return () => subscription.unsubscribe();
  });
}

function isBatch(item: TrailEvent | readonly TrailEvent[]): item is readonly TrailEvent[] {
  return Array.isArray(item);
}

import type { TrailEvent } from '@jackwatch/core';
import type { ArrivalOrder } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { arrivalWithin, toEvents, type CallSpec } from './arbitrary-stream.ts';

/** What a pack property is drawn from: the calls, the seed of their ids, and how far arrival may stray. */
export interface ArrivalSpace {
  readonly calls: fc.Arbitrary<CallSpec[]>;
  /** Seed of the generated events' ids. */
  readonly seed: string;
  /** Most arrival delays drawn (as many as the calls at most). */
  readonly maxDelays: number;
  readonly maxLatenessSeconds: number;
}

/** One drawn arrival of the events: the order, the lateness it stays within, and the batch size. */
export interface DrawnArrival {
  readonly order: ArrivalOrder;
  readonly allowedLateness: number;
  readonly batchSize: number;
}

/** Checks `property` on 300 drawn event streams, each with an arrival order that stays within a drawn lateness. */
export function forEveryArrival(space: ArrivalSpace, property: (events: readonly TrailEvent[], arrival: DrawnArrival) => void): void {
  fc.assert(
    fc.property(
      space.calls,
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: space.maxDelays }),
      fc.integer({ min: 0, max: space.maxLatenessSeconds }),
      fc.integer({ min: 1, max: 16 }),
      (specs, delays, latenessSeconds, batchSize) => {
        const events = toEvents(space.seed, specs);
        const lateness = latenessSeconds * 1000;
        property(events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
      },
    ),
    { numRuns: 300 },
  );
}

import { findingId, type Detector, type TrailEvent } from '@jackwatch/core';
import { runDetector } from '@jackwatch/core/testing';
import { expect } from 'vitest';
import { forEveryArrival, type ArrivalSpace } from './every-arrival.ts';

/** How a two-step rule reads events: its first step, its second, the key both share, and the most time between them. */
export interface SequenceReading {
  first(event: TrailEvent): boolean;
  then(event: TrailEvent): boolean;
  key(event: TrailEvent): string | undefined;
  readonly maxSpan: number;
}

/**
 * "A first step followed by a second step of the same key within `maxSpan`
 * (0 included)", read literally by brute force over every pair: the finding
 * ids (anchored on the first step), sorted, once each.
 */
export function referenceSequence(id: string, events: readonly TrailEvent[], reading: SequenceReading): string[] {
  const firsts = events.filter((e) => reading.first(e) && reading.key(e) !== undefined);
  const seconds = events.filter((e) => reading.then(e) && reading.key(e) !== undefined);
  const followed = firsts.filter((f) => seconds.some((s) => reading.key(s) === reading.key(f) && s.time - f.time >= 0 && s.time - f.time <= reading.maxSpan));
  return [...new Set(followed.map((f) => findingId(id, f.eventId)))].sort();
}

/** What {@link assertSequenceRule} checks one sequence rule with. */
export interface SequenceRuleProperty extends ArrivalSpace {
  readonly create: () => Detector;
  /** The rule read literally: its finding ids, sorted, once each. */
  readonly expectedIds: (events: readonly TrailEvent[]) => string[];
}

/**
 * The property every sequence rule keeps: on time-sorted input and under any
 * arrival within the allowed lateness it finds exactly the reference's
 * sequences, each once, and its state is empty once the watermark has passed
 * everything.
 */
export function assertSequenceRule(rule: SequenceRuleProperty): void {
  forEveryArrival(rule, (events, arrival) => {
    const expected = rule.expectedIds(events);
    const sorted = runDetector(rule.create(), events);
    const disordered = runDetector(rule.create(), events, arrival);
    expect(disordered.lateEvents).toBe(0);
    expect([...sorted.ids].sort()).toEqual(expected);
    expect([...disordered.ids].sort()).toEqual(expected);
    expect(new Set(disordered.ids).size).toBe(disordered.ids.length);
    expect(disordered.stateSizeAfter).toBe(0);
  });
}

import { findingId, type Detector, type Finding, type TrailEvent } from '@jackwatch/core';
import { runDetector } from '@jackwatch/core/testing';
import fc from 'fast-check';
import { expect } from 'vitest';
import { arrivalWithin, toEvents, type CallSpec } from './arbitrary-stream.ts';
import type { ReferenceFirings } from './reference-windows.ts';

/** What {@link assertWindowedRule} checks one windowed rule with. */
export interface WindowedRuleProperty {
  /** The detector id findings carry. */
  readonly id: string;
  readonly create: () => Detector;
  /** The rule read literally on the time-sorted events. */
  readonly reference: (events: readonly TrailEvent[]) => ReferenceFirings;
  readonly calls: fc.Arbitrary<CallSpec[]>;
  /** Seed of the generated events' ids. */
  readonly seed: string;
  /** Most arrival delays drawn (as many as the calls at most). */
  readonly maxDelays: number;
  readonly maxLatenessSeconds: number;
  /** The firing group a finding names, as the reference spells its groups (default: its `accessKeyId`). */
  readonly findingGroup?: (finding: Finding) => unknown;
}

/**
 * The property every windowed (re-arming) rule keeps — thresholds and
 * distinct counts alike: on time-sorted input
 * its ids are exactly the reference's; under any arrival within the allowed
 * lateness it fires for every group the reference fires for; and its state
 * is empty once the watermark has passed everything.
 */
export function assertWindowedRule(rule: WindowedRuleProperty): void {
  const findingGroup = rule.findingGroup ?? ((finding: Finding) => finding.group['accessKeyId']);
  fc.assert(
    fc.property(
      rule.calls,
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: rule.maxDelays }),
      fc.integer({ min: 0, max: rule.maxLatenessSeconds }),
      fc.integer({ min: 1, max: 16 }),
      (specs, delays, latenessSeconds, batchSize) => {
        const events = toEvents(rule.seed, specs);
        const lateness = latenessSeconds * 1000;
        const expected = rule.reference(events);
        expect(runDetector(rule.create(), events).ids).toEqual(expected.anchors.map((anchor) => findingId(rule.id, anchor)));
        const disordered = runDetector(rule.create(), events, { order: arrivalWithin(events, delays, lateness), allowedLateness: lateness, batchSize });
        expect(disordered.lateEvents).toBe(0);
        const fired = new Set(disordered.findings.map(findingGroup));
        for (const group of expected.groups) expect(fired).toContain(group);
        expect(disordered.stateSizeAfter).toBe(0);
      },
    ),
    { numRuns: 300 },
  );
}

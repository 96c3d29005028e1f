import { findingId, type Detector, type Finding, type TrailEvent } from '@jackwatch/core';
import { runDetector } from '@jackwatch/core/testing';
import { expect } from 'vitest';
import { forEveryArrival, type ArrivalSpace } from './every-arrival.ts';
import type { ReferenceFirings } from './reference-windows.ts';

/** What {@link assertWindowedRule} checks one windowed rule with. */
export interface WindowedRuleProperty extends ArrivalSpace {
  /** The detector id findings carry. */
  readonly id: string;
  readonly create: () => Detector;
  /** The rule read literally on the time-sorted events. */
  readonly reference: (events: readonly TrailEvent[]) => ReferenceFirings;
  /** The firing group a finding names, as the reference spells its groups (default: its `accessKeyId`). */
  readonly findingGroup?: (finding: Finding) => unknown;
}

/**
 * The property every windowed (re-arming) rule keeps — thresholds and
 * distinct counts alike: on time-sorted input its ids are exactly the
 * reference's; under any arrival within the allowed lateness it fires for
 * every group the reference fires for; and its state is empty once the
 * watermark has passed everything.
 */
export function assertWindowedRule(rule: WindowedRuleProperty): void {
  const findingGroup = rule.findingGroup ?? ((finding: Finding) => finding.group['accessKeyId']);
  forEveryArrival(rule, (events, arrival) => {
    const expected = rule.reference(events);
    expect(runDetector(rule.create(), events).ids).toEqual(expected.anchors.map((anchor) => findingId(rule.id, anchor)));
    const disordered = runDetector(rule.create(), events, arrival);
    expect(disordered.lateEvents).toBe(0);
    const fired = new Set(disordered.findings.map(findingGroup));
    for (const group of expected.groups) expect(fired).toContain(group);
    expect(disordered.stateSizeAfter).toBe(0);
  });
}

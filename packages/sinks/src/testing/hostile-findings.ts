import type { CloudTrailRecord, Finding } from '@jackwatch/core';
import { ruleAFinding } from './finding-fixture.ts';

/** A value nested `depth` objects deep, built without recursion. */
export function nestedValue(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

/** Rule A finding `n` whose invocation record's `requestParameters` nest `depth` levels (default 100,000). */
export function deepEvidenceFinding(n: number, depth = 100_000): Finding {
  const finding = ruleAFinding({ n });
  const [list, invoke] = finding.evidence as [CloudTrailRecord, CloudTrailRecord];
  return { ...finding, evidence: [list, { ...invoke, requestParameters: { modelId: 'deep', payload: nestedValue(depth) } }] };
}

/** Rule A finding `n` whose invocation record carries `bytes` of text (default 5 MB). */
export function hugeEvidenceFinding(n: number, bytes = 5_000_000): Finding {
  const finding = ruleAFinding({ n });
  const [list, invoke] = finding.evidence as [CloudTrailRecord, CloudTrailRecord];
  return { ...finding, evidence: [list, { ...invoke, responseElements: { body: 'x'.repeat(bytes) } }] };
}

/** Rule A finding `n` whose invocation record refers to itself. */
export function cyclicEvidenceFinding(n: number): Finding {
  const finding = ruleAFinding({ n });
  const [list, invoke] = finding.evidence as [CloudTrailRecord, CloudTrailRecord];
  const cyclic: Record<string, unknown> = { ...invoke };
  cyclic['requestParameters'] = { modelId: 'cyclic', again: cyclic };
  return { ...finding, evidence: [list, cyclic as CloudTrailRecord] };
}

/**
 * One batch of five: good findings 0 and 4 around a 100,000-level deep, a
 * 5 MB and a cyclic one (1, 2, 3). Every one must be delivered; the bad
 * records (the invocation of 1, 2 and 3) come out as markers.
 */
export function mixedBatch(): Finding[] {
  return [ruleAFinding({ n: 0 }), deepEvidenceFinding(1), hugeEvidenceFinding(2), cyclicEvidenceFinding(3), ruleAFinding({ n: 4 })];
}

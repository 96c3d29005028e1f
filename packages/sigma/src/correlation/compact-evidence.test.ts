import { detectorPolicySchema, withPolicy, type Detector, type Finding, type TrailEvent } from '@jackwatch/core';
import { EventFactory, iamUser, runDetector } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { baseRule, correlationRule, sigmaMember } from '../testdata/sigma-bundle.ts';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const MIN = 60_000;
const LATENESS = 15 * MIN;

const files = (type: string, body: string) => ({
  'c.yml': [correlationRule('by-provider', type, ['listed'], body), baseRule('listed', 'ListFoundationModels')].join('\n---\n'),
});
const compactOrFull = (rule: () => Detector, evidence: 'full' | 'compact') => () => withPolicy(rule(), detectorPolicySchema.parse({ evidence }));
const withoutEvidence = (findings: readonly Finding[]) => findings.map(({ evidence: _evidence, ...rest }) => rest);

describe('Sigma correlations with evidence: compact', () => {
  const ev = new EventFactory('sigma-compact');
  // Grouped and counted by request fields that compact evidence keeps only because the correlation names them.
  const events: TrailEvent[] = [0, 1, 2, 3, 4, 5].map((i) =>
    ev.event({ time: T0 + i * MIN, action: 'ListFoundationModels', identity: iamUser({ userName: `user-${i % 2}` }), requestParameters: { byProvider: 'anthropic', byOutputModality: `m${i}` } }),
  );
  const rules: Record<string, () => Detector> = {
    event_count: () => sigmaMember(files('event_count', '    group-by: [requestParameters.byProvider]\n    timespan: 10m\n    condition: { gte: 4 }'), 'by-provider'),
    value_count: () => sigmaMember(files('value_count', '    group-by: [requestParameters.byProvider]\n    timespan: 10m\n    condition: { field: requestParameters.byOutputModality, gte: 3 }'), 'by-provider'),
  };

  for (const [type, rule] of Object.entries(rules)) {
    it(`${type}: the same findings as with full evidence in every arrival order, grouped by a field outside the always-kept ones`, () => {
      for (let seed = 1; seed <= 10; seed++) {
        const full = runDetector(compactOrFull(rule, 'full')(), events, { order: 'shuffled', seed, allowedLateness: LATENESS }).findings;
        const compact = runDetector(compactOrFull(rule, 'compact')(), events, { order: 'shuffled', seed, allowedLateness: LATENESS }).findings;
        expect(full.length).toBeGreaterThan(0);
        expect(full[0]!.group).toEqual({ 'requestParameters.byProvider': 'anthropic' });
        expect(withoutEvidence(compact)).toEqual(withoutEvidence(full));
        expect(compact[0]!.evidence[0]!['tlsDetails']).toBeUndefined();
      }
    });
  }
});

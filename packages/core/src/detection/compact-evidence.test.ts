import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { iamUser } from '../testing/identities.ts';
import { runDetector } from '../testing/run-detector.ts';
import { COMPACT_EVIDENCE_FIELDS, EvidenceCompactor } from './compact-evidence.ts';
import { detectorPolicySchema } from './policy-schema.ts';
import { testMeta } from './testdata/test-meta.ts';
import { detectorBundle } from './detector-bundle.ts';
import { threshold } from './threshold.ts';
import { withPolicy } from './with-policy.ts';

const T0 = Date.parse('2026-11-02T08:00:00Z');
const ev = new EventFactory('compact');

describe('EvidenceCompactor', () => {
  const record = ev.event({
    time: T0,
    action: 'InvokeModel',
    identity: iamUser({ userName: 'alice' }),
    modelId: 'anthropic.claude-3-haiku',
    responseElements: { huge: 'x'.repeat(10_000) },
    extra: { tlsDetails: { tlsVersion: 'TLSv1.3' }, resources: [{ ARN: 'arn:aws:bedrock:::model/x' }] },
  }).raw;

  it('keeps the identity, time and caller fields and the declared paths, and drops the rest', () => {
    const cut = new EvidenceCompactor(['requestParameters.modelId', 'resources']).record(record);
    expect(Object.keys(cut).sort()).toEqual(
      ['eventID', 'eventTime', 'eventName', 'eventSource', 'awsRegion', 'recipientAccountId', 'sourceIPAddress', 'userAgent', 'userIdentity', 'requestParameters', 'resources'].sort(),
    );
    expect(cut.requestParameters).toEqual({ modelId: 'anthropic.claude-3-haiku' });
    expect(cut.userIdentity).toEqual({ type: 'IAMUser', arn: record.userIdentity!.arn, accountId: record.userIdentity!.accountId, accessKeyId: record.userIdentity!.accessKeyId, userName: 'alice' });
    expect(cut['resources']).toBe(record['resources']);
    expect(record.responseElements).toBeDefined();
  });

  it('is idempotent, and a shorter path keeps its subtree whole', () => {
    const compactor = new EvidenceCompactor(['requestParameters', 'requestParameters.modelId']);
    const once = compactor.record(record);
    expect(compactor.record(once)).toEqual(once);
    expect(once.requestParameters).toBe(record.requestParameters);
  });

  it('ignores empty and prototype-setting paths, and leaves out what the record lacks or holds as a scalar', () => {
    const cut = new EvidenceCompactor(['__proto__.polluted', 'a..b', '', 'eventName.length', 'missing.deep.path']).record(record);
    expect(Object.getPrototypeOf(cut)).toBe(Object.prototype);
    expect(Object.keys(cut)).toHaveLength(COMPACT_EVIDENCE_FIELDS.filter((f) => !f.includes('.')).filter((f) => f in record).length + 1);
    expect(cut.eventName).toBe('InvokeModel');
  });
});

describe('withPolicy evidence: compact', () => {
  const refusals = ev.events(4, (i) => ({
    time: T0 + i * 1000,
    action: 'InvokeModel',
    identity: iamUser({ userName: 'alice' }),
    errorCode: 'AccessDenied',
    modelId: `model-${i}`,
    extra: { tlsDetails: { tlsVersion: 'TLSv1.3' }, additionalEventData: { note: 'n'.repeat(1000) } },
  }));
  const seen: CloudTrailRecord[] = [];
  const rule = (fields?: readonly string[]) =>
    threshold({
      meta: { ...testMeta('refusals'), ...(fields === undefined ? {} : { evidenceFields: fields }) },
      select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] },
      // `where` sees the whole record, whatever the evidence mode.
      where: (e) => {
        seen.push(e.raw);
        return e.raw['tlsDetails'] !== undefined;
      },
      groupBy: { user: (e) => e.userName },
      window: 60_000,
      threshold: 3,
      finding: ({ events }) => ({ summary: 'refused', details: { models: events.map((e) => e.raw.requestParameters?.['modelId'] ?? null) } }),
    });
  const run = (policy: unknown, fields?: readonly string[], order: 'sorted' | 'shuffled' = 'shuffled') =>
    runDetector(withPolicy(rule(fields), detectorPolicySchema.parse(policy)), refusals, { order, seed: 3 }).findings;

  it('gives the same finding, with held events and evidence cut to the compact fields and the declared ones', () => {
    const [full] = run({});
    const [compact] = run({ evidence: 'compact' }, ['requestParameters.modelId']);
    expect(compact!.id).toBe(full!.id);
    expect(compact!.details).toEqual(full!.details);
    expect(compact!.details).toEqual({ models: ['model-0', 'model-1', 'model-2', 'model-3'] });
    expect(seen.every((record) => record['tlsDetails'] !== undefined)).toBe(true);
    for (const record of compact!.evidence) {
      expect(record['tlsDetails']).toBeUndefined();
      expect(record['additionalEventData']).toBeUndefined();
      expect(record.errorCode).toBe('AccessDenied');
      expect(record.requestParameters).toEqual({ modelId: expect.any(String) });
    }
    expect(full!.evidence[0]!['additionalEventData']).toBeDefined();
  });

  it('keeps a field the detector does not declare only when an exception or suppression names it', () => {
    // In time order only the firing event is still whole when the finding is made.
    expect(run({ evidence: 'compact' }, undefined, 'sorted')[0]!.details).toEqual({ models: [null, null, null, 'model-3'] });
    expect(run({ evidence: 'compact', exceptions: [{ when: [{ field: 'additionalEventData.note', glob: 'n*' }] }] })).toEqual([]);
    expect(run({ evidence: 'full', exceptions: [{ when: [{ field: 'additionalEventData.note', glob: 'n*' }] }] })).toEqual([]);
  });

  it('keeps what any member reads when a bundle is wrapped whole', () => {
    const bundle = detectorBundle(testMeta('pack'), [{ id: 'refusals', detector: rule(['requestParameters.modelId']) }]);
    expect(bundle.meta.evidenceFields).toEqual(['requestParameters.modelId']);
    const [finding] = runDetector(withPolicy(bundle, detectorPolicySchema.parse({ evidence: 'compact' })), refusals, { order: 'shuffled', seed: 5 }).findings;
    expect(finding!.details).toEqual({ models: ['model-0', 'model-1', 'model-2', 'model-3'] });
    expect(finding!.evidence.every((record) => record['tlsDetails'] === undefined)).toBe(true);
  });

  it('is refused when it is neither full nor compact', () => {
    expect(detectorPolicySchema.safeParse({ evidence: 'tiny' }).error?.issues[0]?.path).toEqual(['evidence']);
  });
});

import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { FINDING_INCOMPLETE_KEY } from './finding-outline.ts';
import type { Finding } from './finding.ts';
import { EVIDENCE_OMITTED_KEY, isOmittedEvidence } from './omitted-evidence.ts';
import { DETAILS_OMITTED_KEY, safeFinding, serializeFinding } from './safe-finding.ts';

const record = (n: number, extra: Record<string, unknown> = {}): CloudTrailRecord => ({
  eventID: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  eventName: 'InvokeModel',
  eventTime: '2026-03-14T02:15:41Z',
  eventSource: 'bedrock.amazonaws.com',
  awsRegion: 'us-east-1',
  ...extra,
});

const finding = (evidence: readonly unknown[], extra: Partial<Record<keyof Finding, unknown>> = {}): Finding =>
  ({
    id: 'f1',
    detector: { id: 'rule', title: 'Rule', version: '1.0.0' },
    severity: 'high',
    riskScore: 73,
    attack: { tactics: [{ id: 'TA0007', name: 'Discovery' }], techniques: [] },
    time: '2026-03-14T02:15:41.000Z',
    firstTime: '2026-03-14T02:11:05.000Z',
    lastTime: '2026-03-14T02:15:41.000Z',
    group: { userName: 'mallory' },
    summary: 'mallory invoked a model',
    evidence,
    references: ['https://example.com/rule'],
    ...extra,
  }) as Finding;

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { next: value };
  return value;
}

const omittedReasons = (f: Finding): string[] => f.evidence.filter(isOmittedEvidence).map((m) => m[EVIDENCE_OMITTED_KEY]);

describe('safeFinding', () => {
  it('returns the finding itself when every part can be written', () => {
    const f = finding([record(1), record(2)], { details: { modelId: 'anthropic.claude' } });
    expect(safeFinding(f)).toBe(f);
  });

  it('replaces a 100,000-level record with a marker that keeps its identity, and keeps the good records', () => {
    const deep = record(2, { requestParameters: nested(100_000) });
    const safe = safeFinding(finding([record(1), deep, record(3)]));
    expect(safe.evidence[0]).toEqual(record(1));
    expect(safe.evidence[1]).toEqual({
      [EVIDENCE_OMITTED_KEY]: 'nested deeper than 1000 levels',
      eventID: deep.eventID,
      eventName: 'InvokeModel',
      eventTime: '2026-03-14T02:15:41Z',
      eventSource: 'bedrock.amazonaws.com',
      awsRegion: 'us-east-1',
    });
    expect(safe.evidence[2]).toEqual(record(3));
    expect(JSON.parse(JSON.stringify(safe)).evidence).toHaveLength(3);
  });

  it('caps the evidence of one finding: records are kept in order while they fit', () => {
    const big = (n: number): CloudTrailRecord => record(n, { blob: 'x'.repeat(100 * 1024) });
    const safe = safeFinding(finding([big(1), big(2), big(3), record(4)]), { maxBytes: 256 * 1024 });
    expect(safe.evidence.map(isOmittedEvidence)).toEqual([false, false, true, false]);
    expect(omittedReasons(safe)).toEqual(["does not fit in the 262144 bytes of JSON a finding's evidence may take"]);
    const several = safeFinding(finding([record(1, { blob: 'y'.repeat(6_000_000) })]));
    expect(several.evidence[0]).toMatchObject({ eventID: record(1).eventID, [EVIDENCE_OMITTED_KEY]: expect.stringContaining('262144 bytes') });
  });

  it('counts bytes as written: escaped and multi-byte characters take their full size', () => {
    const escaped = record(1, { blob: '\u0001'.repeat(50_000) }); // 50,000 characters, 300,000 bytes once escaped
    expect(omittedReasons(safeFinding(finding([escaped])))).toHaveLength(1);
  });

  it('marks cyclic records, BigInts, throwing getters and toJSON that throws, each on its own', () => {
    const cyclic: Record<string, unknown> = { ...record(1) };
    cyclic['self'] = cyclic;
    const getter = Object.defineProperty({ ...record(3) }, 'secret', { enumerable: true, get: () => { throw new Error('denied'); } });
    const badJson = { ...record(4), toJSON: () => { throw new Error('no JSON for you'); } };
    const safe = safeFinding(finding([cyclic, record(2, { bytes: 10n }), getter, badJson, record(5)]));
    expect(omittedReasons(safe)).toEqual([
      'contains a reference to itself (a cycle)',
      'contains a BigInt, which JSON cannot represent',
      'cannot be read: denied',
      'cannot be read: no JSON for you',
    ]);
    expect(safe.evidence[4]).toEqual(record(5));
    expect(safe.evidence.map((r) => r.eventID)).toEqual([1, 2, 3, 4, 5].map((n) => record(n).eventID));
  });

  it('keeps a marker small whatever the record holds', () => {
    const [marker] = safeFinding(finding([{ eventID: 'e'.repeat(1_000_000), eventName: { not: 'a string' }, n: 1n }])).evidence;
    expect(marker?.eventID).toHaveLength(256);
    expect(marker).not.toHaveProperty('eventName');
  });

  it('replaces details that cannot be written, and outlines a finding whose other fields cannot', () => {
    const withDetails = safeFinding(finding([record(1)], { details: { count: 3n } }));
    expect(withDetails.details).toEqual({ [DETAILS_OMITTED_KEY]: 'contains a BigInt, which JSON cannot represent' });
    expect(withDetails.evidence).toEqual([record(1)]);

    const group: Record<string, unknown> = { userName: 'mallory' };
    group['loop'] = group;
    const outlined = safeFinding(finding([record(1)], { group }));
    expect(outlined).toMatchObject({ id: 'f1', severity: 'high', group: { userName: 'mallory' }, summary: 'mallory invoked a model' });
    expect((outlined as unknown as Record<string, unknown>)[FINDING_INCOMPLETE_KEY]).toBe('contains a reference to itself (a cycle)');
    expect(outlined.evidence[0]).toMatchObject({ eventID: record(1).eventID, eventName: 'InvokeModel' });
  });
});

describe('serializeFinding', () => {
  it('always returns JSON, whatever the finding holds', () => {
    const hostile = [
      finding([record(1, { requestParameters: nested(100_000) })]),
      finding([record(1)], { group: new Proxy({}, { ownKeys: () => { throw new Error('trap'); } }) }),
      finding([record(1)], { riskScore: 5n }),
      new Proxy(finding([]), { get: () => { throw new Error('trap'); } }),
      finding(null as unknown as unknown[]),
    ];
    for (const f of hostile) expect(() => JSON.parse(serializeFinding(f))).not.toThrow();
    expect(JSON.parse(serializeFinding(hostile[2]!))).toMatchObject({ id: 'f1', riskScore: 0, [FINDING_INCOMPLETE_KEY]: 'contains a BigInt, which JSON cannot represent' });
  });

  it('writes a good finding exactly as JSON.stringify does', () => {
    const f = finding([record(1), record(2)], { details: { modelId: 'm' }, suppressed: 2 });
    expect(serializeFinding(f)).toBe(JSON.stringify(f));
  });
});

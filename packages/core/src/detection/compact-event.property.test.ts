import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { isRejection, normalizeRecord } from '../event/normalize.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import { EvidenceCompactor } from './compact-evidence.ts';
import { endLoan, lendWhole } from './internal/compact-event.ts';

// Values a hostile or odd record may carry where the compact fields are read.
const leaf = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.constantFrom('', '-', '1:a', 'AKIAEXAMPLE', 'arn:aws:iam::1:user/u', '123456789012', 'us-east-1'),
  fc.integer(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  fc.dictionary(fc.constantFrom('modelId', 'arn', 'x'), fc.string({ maxLength: 3 }), { maxKeys: 2 }),
);
const maybe = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined, freq: 3 });
const shared = fc.constantFrom('123456789012', 'alice', 'arn:aws:iam::123456789012:user/alice', 'AKIAEXAMPLE');

const record = fc
  .record({
    eventID: maybe(fc.oneof(leaf, fc.uuid())),
    eventTime: fc.constantFrom('2026-11-02T08:00:00Z', '2026-11-02T08:00:00.250Z'),
    eventSource: fc.constantFrom('bedrock.amazonaws.com', 'iam.amazonaws.com'),
    eventName: fc.constantFrom('InvokeModel', 'ListFoundationModels'),
    awsRegion: maybe(leaf),
    recipientAccountId: maybe(fc.oneof(leaf, shared)),
    sourceIPAddress: maybe(leaf),
    userAgent: maybe(leaf),
    errorCode: maybe(leaf),
    errorMessage: maybe(leaf),
    requestParameters: maybe(fc.oneof(leaf, fc.record({ modelId: maybe(leaf), other: maybe(leaf) }, { requiredKeys: [] }))),
    resources: maybe(leaf),
    userIdentity: maybe(
      fc.oneof(
        leaf,
        fc.record(
          {
            type: maybe(leaf),
            arn: maybe(fc.oneof(leaf, shared)),
            accountId: maybe(fc.oneof(leaf, shared)),
            accessKeyId: maybe(fc.oneof(leaf, shared)),
            userName: maybe(fc.oneof(leaf, shared)),
            principalId: maybe(leaf),
            sessionContext: maybe(fc.oneof(leaf, fc.record({ sessionIssuer: maybe(fc.oneof(leaf, fc.record({ arn: maybe(fc.oneof(leaf, shared)), userName: maybe(fc.oneof(leaf, shared)) }, { requiredKeys: [] }))) }, { requiredKeys: [] }))),
          },
          { requiredKeys: [] },
        ),
      ),
    ),
  }, { requiredKeys: ['eventTime', 'eventSource', 'eventName'] })
  // A key whose value is undefined is no JSON field: leave it out, as a decoded record would.
  .map((raw) => JSON.parse(JSON.stringify(raw)) as CloudTrailRecord);

// A burst: one record and variants of it that differ in one field each, as held events of one call mostly do.
const TOP_FIELDS = ['eventID', 'awsRegion', 'recipientAccountId', 'sourceIPAddress', 'userAgent', 'errorCode', 'errorMessage', 'requestParameters', 'userIdentity'] as const;
const burst = fc
  .tuple(record, fc.array(fc.tuple(fc.constantFrom(...TOP_FIELDS), fc.oneof(leaf, shared, fc.constant(undefined))), { maxLength: 6 }))
  .map(([first, changes]) => [first, ...changes.map(([field, value]) => JSON.parse(JSON.stringify({ ...first, [field]: value })) as CloudTrailRecord)]);

const NORMALIZED = ['time', 'source', 'action', 'outcome', 'errorCode', 'errorMessage', 'accessKeyId', 'principalArn', 'principalType', 'userName', 'account', 'region', 'sourceIp', 'userAgent', 'eventId'] as const;

function decode(raw: CloudTrailRecord, index: number): TrailEvent {
  const event = normalizeRecord(raw, { source: 'file', location: '/logs/a.json', index });
  if (isRejection(event)) throw new Error(event.message);
  return event;
}

describe('the events compact detectors hold', () => {
  const fieldSets = [[], ['requestParameters.modelId'], ['userIdentity'], ['userIdentity.principalId', 'resources', 'requestParameters']];

  it('read as the event they copy, and their record is the compact cut of it, key for key and in order', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(record, { minLength: 1, maxLength: 6 }), burst), fc.constantFrom(...fieldSets), (raws, fields) => {
        const compactor = new EvidenceCompactor(fields);
        const events = raws.map(decode);
        const held = events.map((event) => {
          const copy = compactor.hold(event);
          const loan = lendWhole(copy, event.raw);
          expect(copy.raw).toBe(event.raw);
          endLoan(loan);
          return copy;
        });
        held.forEach((copy, i) => {
          const event = events[i]!;
          for (const field of NORMALIZED) expect(copy[field]).toEqual(event[field]);
          expect(copy.origin).toEqual(event.origin);
          expect(JSON.stringify(copy.raw)).toBe(JSON.stringify(compactor.record(event.raw)));
        });
      }),
    );
  });

  it('are one object for every compactor whose cut of the record is the same, and their own where it differs', () => {
    const plain = decode({ eventID: 'e-1', eventTime: '2026-11-02T08:00:00Z', eventSource: 'bedrock.amazonaws.com', eventName: 'ListFoundationModels' }, 0);
    const withModel = decode({ eventID: 'e-2', eventTime: '2026-11-02T08:00:00Z', eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', requestParameters: { modelId: 'm' } }, 1);
    const base = EvidenceCompactor.for([]);
    const models = EvidenceCompactor.for(['requestParameters.modelId']);
    expect(models.hold(plain)).toBe(base.hold(plain));
    const own = models.hold(withModel);
    expect(own).not.toBe(base.hold(withModel));
    expect(own.raw.requestParameters).toEqual({ modelId: 'm' });
  });

  it('are whole while lent, and a nested loan gives back the one it replaced when it ends', () => {
    const outer = decode({ eventID: 'e-3', eventTime: '2026-11-02T08:00:00Z', eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', tlsDetails: { tlsVersion: 'TLSv1.3' } }, 2);
    const inner = decode({ ...outer.raw, eventID: 'e-4' }, 3);
    const compactor = EvidenceCompactor.for(['requestParameters.modelId']);
    const [a, b] = [compactor.hold(outer), compactor.hold(inner)];
    const first = lendWhole(a, outer.raw);
    const second = lendWhole(b, inner.raw);
    expect([a.raw['tlsDetails'], b.raw['tlsDetails']]).toEqual([undefined, { tlsVersion: 'TLSv1.3' }]);
    endLoan(second);
    expect([a.raw['tlsDetails'], b.raw['tlsDetails']]).toEqual([{ tlsVersion: 'TLSv1.3' }, undefined]);
    endLoan(first);
    expect([a.raw['tlsDetails'], b.raw['tlsDetails']]).toEqual([undefined, undefined]);
  });

  it('keep their own long values, which are neither pooled nor shared as call facts', () => {
    const compactor = EvidenceCompactor.for([]);
    const agents = ['a', 'b', 'a'].map((c) => c.repeat(5000));
    const events = agents.map((userAgent, i) => decode({ eventID: `e-${i}`, eventTime: '2026-11-02T08:00:00Z', eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', userAgent }, i));
    const held = events.map((event) => compactor.hold(event));
    expect(held.map((copy) => copy.userAgent)).toEqual(agents);
    expect(held.map((copy) => copy.raw.userAgent)).toEqual(agents);
  });
});

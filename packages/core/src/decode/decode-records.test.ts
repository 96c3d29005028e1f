import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../event/trail-event.ts';
import { decodeRecords } from './decode-records.ts';

const where = { source: 'file', location: '/logs/a.json' };
const keepBedrock = { keep: (source: string) => source === 'bedrock.amazonaws.com' };

const record = (id: string, overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  eventTime: '2026-11-02T10:00:00Z',
  eventSource: 's3.amazonaws.com',
  eventName: 'GetObject',
  awsRegion: 'us-east-1',
  recipientAccountId: '111122223333',
  eventID: id,
  ...overrides,
});

const newestPerPartition = (events: readonly TrailEvent[]): Map<string, number> => {
  const newest = new Map<string, number>();
  for (const e of events) {
    const key = `${e.account}/${e.region}`;
    newest.set(key, Math.max(newest.get(key) ?? Number.NEGATIVE_INFINITY, e.time));
  }
  return newest;
};

describe('decodeRecords with keep', () => {
  it('returns wanted events and the newest other event of each partition, in record order', () => {
    const batch = decodeRecords(
      [
        record('a', { eventTime: '2026-11-02T10:00:05Z' }),
        record('b', { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', eventTime: '2026-11-02T10:00:01Z' }),
        record('c', { eventTime: '2026-11-02T10:00:09Z', awsRegion: 'eu-west-1' }),
        record('d', { eventTime: '2026-11-02T10:00:07Z' }),
        record('e', { eventTime: '2026-11-02T10:00:02Z', awsRegion: 'eu-west-1' }),
      ],
      where,
      keepBedrock,
    );
    expect(batch.events.map((e) => [e.eventId, e.origin.index])).toEqual([['b', 1], ['c', 2], ['d', 3]]);
    expect(batch.unmatched).toBe(2);
    expect(batch.rejections).toEqual([]);
  });

  it('still rejects every bad record, wanted or not, with its index', () => {
    const batch = decodeRecords(
      [
        record('a', { eventTime: undefined }),
        record('b', { eventTime: 'yesterday' }),
        record('c', { eventSource: '' }),
        { detail: 'not an envelope' },
        'text',
        { 'detail-type': 'AWS API Call via CloudTrail', detail: record('f', { eventSource: 'bedrock.amazonaws.com' }) },
      ],
      where,
      keepBedrock,
    );
    expect(batch.rejections.map((r) => [r.reason, r.origin.index])).toEqual([
      ['missing-event-time', 0],
      ['bad-event-time', 1],
      ['not-cloudtrail', 2],
      ['not-cloudtrail', 3],
      ['not-cloudtrail', 4],
    ]);
    expect(batch.events.map((e) => e.eventId)).toEqual(['f']);
  });

  it('agrees with a full decode: same rejections, every wanted event, the same newest time per partition', () => {
    const arbitraryRecord = fc.record({
      bedrock: fc.boolean(),
      account: fc.constantFrom('111122223333', '444455556666', undefined),
      region: fc.constantFrom('us-east-1', 'eu-west-1', undefined),
      second: fc.integer({ min: 0, max: 59 }),
      broken: fc.constantFrom(false, false, false, true),
    });
    fc.assert(
      fc.property(fc.array(arbitraryRecord, { maxLength: 60 }), (specs) => {
        const values = specs.map((s, i) =>
          record(`r${i}`, {
            eventSource: s.bedrock ? 'bedrock.amazonaws.com' : 's3.amazonaws.com',
            recipientAccountId: s.account,
            awsRegion: s.region,
            eventTime: s.broken ? 'soon' : `2026-11-02T10:00:${String(s.second).padStart(2, '0')}Z`,
          }),
        );
        const full = decodeRecords(values, where);
        const kept = decodeRecords(values, where, keepBedrock);
        expect(kept.rejections).toEqual(full.rejections);
        const keptIds = kept.events.map((e) => e.eventId);
        expect(keptIds).toEqual(full.events.map((e) => e.eventId).filter((id) => keptIds.includes(id)));
        expect(keptIds).toEqual(expect.arrayContaining(full.events.filter((e) => e.source === 'bedrock.amazonaws.com').map((e) => e.eventId)));
        expect(newestPerPartition(kept.events)).toEqual(newestPerPartition(full.events));
        expect(kept.unmatched).toBe(full.events.length - kept.events.length);
        expect(kept.events).toEqual(full.events.filter((e) => keptIds.includes(e.eventId)));
      }),
    );
  });
});

import { cloudTrailRecord } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { decodeLogEvent } from './log-event-decoder.ts';
import { deliveryKey, RecentEvents } from './recent-events.ts';

const origin = { source: 'cloudwatch-logs/test', location: 'group/stream', index: 'e1' };
const place = { logGroup: 'group', logStream: 'stream', timestamp: 1 };
const LIMIT = 1024 * 1024;

describe('RecentEvents', () => {
  it('recognizes a key remembered before', () => {
    const recent = new RecentEvents();
    expect(recent.remember('a')).toBe(true);
    expect(recent.remember('a')).toBe(false);
    expect(recent.remember('b')).toBe(true);
  });

  it('forgets the oldest keys beyond its capacity', () => {
    const recent = new RecentEvents(2);
    recent.remember('one');
    recent.remember('two');
    recent.remember('three');
    expect(recent.size).toBe(2);
    expect(recent.remember('three')).toBe(false);
    expect(recent.remember('one')).toBe(true);
  });
});

describe('deliveryKey', () => {
  it('identifies a CloudTrail record by its eventID, wherever and however it was found', () => {
    const message = JSON.stringify(cloudTrailRecord({ time: Date.UTC(2026, 10, 1), action: 'InvokeModel', eventId: 'abc' }));
    const event = decodeLogEvent(message, origin, LIMIT);
    const elsewhere = decodeLogEvent(message, { ...origin, location: 'arn:aws:logs:us-east-1:123456789012:log-group:group/stream', index: 'live-tail:1' }, LIMIT);
    expect(deliveryKey(event, place, message)).toBe(deliveryKey(elsewhere, { ...place, logGroup: '123456789012:group' }, message));
    const other = JSON.stringify(cloudTrailRecord({ time: Date.UTC(2026, 10, 1), action: 'InvokeModel', eventId: 'def' }));
    expect(deliveryKey(decodeLogEvent(other, origin, LIMIT), place, other)).not.toBe(deliveryKey(event, place, message));
  });

  it('identifies a message that is not CloudTrail by its group, stream, timestamp and content', () => {
    const junk = decodeLogEvent('not json', origin, LIMIT);
    const key = deliveryKey(junk, place, 'not json');
    expect(deliveryKey(junk, place, 'not json')).toBe(key);
    expect(deliveryKey(junk, { ...place, timestamp: 2 }, 'not json')).not.toBe(key);
    expect(deliveryKey(junk, { ...place, logStream: 'other' }, 'not json')).not.toBe(key);
    expect(key).toHaveLength(22);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotification } from './parse-notification.ts';
import { cloudTrailSnsBody, eventBridgeBody, s3EventBody, s3TestEventBody, snsWrappedBody } from './testdata/notifications.ts';

const key = 'AWSLogs/123456789012/CloudTrail/us-east-1/2026/10/01/123456789012_CloudTrail_us-east-1_20261001T0005Z_a b+c.json.gz';

describe('parseNotification', () => {
  it('reads S3 event notifications, decoding their URL-encoded keys', () => {
    expect(parseNotification(s3EventBody('trail', key))).toEqual({ kind: 'objects', objects: [{ bucket: 'trail', key, size: 1024 }] });
  });

  it('unwraps SNS envelopes, also twice', () => {
    const body = snsWrappedBody(snsWrappedBody(s3EventBody('trail', key)));
    expect(parseNotification(body)).toEqual({ kind: 'objects', objects: [{ bucket: 'trail', key, size: 1024 }] });
  });

  it('reads EventBridge Object Created events, whose keys are not encoded', () => {
    expect(parseNotification(eventBridgeBody('trail', key))).toEqual({ kind: 'objects', objects: [{ bucket: 'trail', key, size: 1024 }] });
  });

  it("reads CloudTrail's own SNS delivery notifications", () => {
    const sample = readFileSync(new URL('./testdata/notifications/cloudtrail-sns.json', import.meta.url), 'utf8');
    expect(parseNotification(sample)).toEqual({ kind: 'objects', objects: [{ bucket: 'BUCKET', key: 'KEY' }] });
    expect(parseNotification(snsWrappedBody(cloudTrailSnsBody('trail', [key, `${key}2`])))).toEqual({
      kind: 'objects',
      objects: [{ bucket: 'trail', key }, { bucket: 'trail', key: `${key}2` }],
    });
  });

  it('ignores test events and deletions', () => {
    expect(parseNotification(s3TestEventBody('trail')).kind).toBe('ignored');
    const removed = JSON.parse(s3EventBody('trail', key)) as { Records: { eventName: string }[] };
    removed.Records[0]!.eventName = 'ObjectRemoved:Delete';
    expect(parseNotification(JSON.stringify(removed)).kind).toBe('ignored');
    const deleted = JSON.parse(eventBridgeBody('trail', key)) as Record<string, unknown>;
    expect(parseNotification(JSON.stringify({ ...deleted, 'detail-type': 'Object Deleted' })).kind).toBe('ignored');
  });

  it('calls anything else invalid, with a reason', () => {
    expect(parseNotification('not json')).toEqual({ kind: 'invalid', reason: 'the message body is not JSON' });
    expect(parseNotification('[1,2]').kind).toBe('invalid');
    expect(parseNotification('{"hello":"world"}').kind).toBe('invalid');
    expect(parseNotification('{"Records":[{"eventName":"ObjectCreated:Put","s3":{"bucket":{}}}]}')).toEqual({
      kind: 'invalid',
      reason: 'an ObjectCreated record lacks s3.bucket.name or s3.object.key',
    });
    expect(parseNotification(snsWrappedBody('{broken')).kind).toBe('invalid');
  });
});

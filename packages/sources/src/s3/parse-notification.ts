import type { ObjectRef } from './object-reader.ts';

/**
 * What one SQS message asks for: objects to read; nothing (a test event, a
 * deletion); or nothing understandable — a poison message.
 */
export type Notification =
  | { readonly kind: 'objects'; readonly objects: readonly ObjectRef[] }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

const MAX_ENVELOPES = 3;

/**
 * Parses an SQS message body into the objects it announces. Accepts:
 * - S3 event notifications (`{"Records":[{"eventSource":"aws:s3","s3":{…}}]}`, keys URL-encoded),
 * - the same wrapped in an SNS envelope (`{"Type":"Notification","Message":"…"}`),
 * - EventBridge `Object Created` events from `aws.s3`,
 * - CloudTrail's own SNS delivery notification (`{"s3Bucket":…,"s3ObjectKey":[…]}`).
 * Never throws.
 */
export function parseNotification(body: string): Notification {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return { kind: 'invalid', reason: 'the message body is not JSON' };
  }
  return parseValue(value, 0);
}

function parseValue(value: unknown, depth: number): Notification {
  if (!isObject(value)) return { kind: 'invalid', reason: 'the message body is not a JSON object' };
  if (value.Type === 'Notification' && typeof value.Message === 'string' && depth < MAX_ENVELOPES) {
    try {
      return parseValue(JSON.parse(value.Message), depth + 1);
    } catch {
      return { kind: 'invalid', reason: 'the SNS envelope\'s Message is not JSON' };
    }
  }
  if (value.Event === 's3:TestEvent') return { kind: 'ignored', reason: 's3:TestEvent' };
  if (Array.isArray(value.Records)) return s3Event(value.Records);
  if (value.source === 'aws.s3' && isObject(value.detail)) return eventBridge(value['detail-type'], value.detail);
  if (typeof value.s3Bucket === 'string' && Array.isArray(value.s3ObjectKey)) return cloudTrailDelivery(value.s3Bucket, value.s3ObjectKey);
  return { kind: 'invalid', reason: 'not an S3 event notification (nor SNS-, EventBridge- or CloudTrail-wrapped)' };
}

function s3Event(records: readonly unknown[]): Notification {
  const objects: ObjectRef[] = [];
  for (const record of records) {
    if (!isObject(record) || !isObject(record.s3)) return { kind: 'invalid', reason: 'a Records entry has no s3 block' };
    if (typeof record.eventName !== 'string' || !record.eventName.startsWith('ObjectCreated:')) continue;
    const bucket = isObject(record.s3.bucket) ? record.s3.bucket.name : undefined;
    const object = isObject(record.s3.object) ? record.s3.object : undefined;
    if (typeof bucket !== 'string' || bucket === '' || typeof object?.key !== 'string' || object.key === '') {
      return { kind: 'invalid', reason: 'an ObjectCreated record lacks s3.bucket.name or s3.object.key' };
    }
    objects.push({ bucket, key: decodeS3Key(object.key), size: typeof object.size === 'number' ? object.size : undefined });
  }
  return objects.length > 0 ? { kind: 'objects', objects } : { kind: 'ignored', reason: 'no ObjectCreated record' };
}

function eventBridge(detailType: unknown, detail: Record<string, unknown>): Notification {
  if (detailType !== 'Object Created') return { kind: 'ignored', reason: `EventBridge ${String(detailType)}` };
  const bucket = isObject(detail.bucket) ? detail.bucket.name : undefined;
  const object = isObject(detail.object) ? detail.object : undefined;
  if (typeof bucket !== 'string' || bucket === '' || typeof object?.key !== 'string' || object.key === '') {
    return { kind: 'invalid', reason: 'an EventBridge Object Created event lacks detail.bucket.name or detail.object.key' };
  }
  return { kind: 'objects', objects: [{ bucket, key: object.key, size: typeof object.size === 'number' ? object.size : undefined }] };
}

function cloudTrailDelivery(bucket: string, keys: readonly unknown[]): Notification {
  if (!keys.every((key) => typeof key === 'string' && key !== '')) return { kind: 'invalid', reason: 's3ObjectKey holds a non-string' };
  return keys.length > 0 ? { kind: 'objects', objects: keys.map((key) => ({ bucket, key: key as string })) } : { kind: 'ignored', reason: 'no keys' };
}

/** S3 event notifications URL-encode keys, with `+` for spaces. */
export function decodeS3Key(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, '%20'));
  } catch {
    return key;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

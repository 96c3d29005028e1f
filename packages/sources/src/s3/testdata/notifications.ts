import { readFileSync } from 'node:fs';

const sample = (name: string): string => readFileSync(new URL(`./notifications/${name}.json`, import.meta.url), 'utf8');

const fill = (template: string, bucket: string, key: string): string =>
  JSON.stringify(JSON.parse(template, (_name, value: unknown) => (value === 'BUCKET' ? bucket : value === 'KEY' ? key : value === 'arn:aws:s3:::BUCKET' ? `arn:aws:s3:::${bucket}` : value)));

/** An S3 event notification (`ObjectCreated:Put`) for `key`, URL-encoded as S3 sends it (`+` for spaces). */
export const s3EventBody = (bucket: string, key: string): string => fill(sample('s3-event'), bucket, encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+'));
/** An S3 event notification delivered through SNS (no raw message delivery). */
export const snsWrappedBody = (message: string): string => JSON.stringify({ ...JSON.parse(sample('sns-envelope')), Message: message });
/** An EventBridge `Object Created` event for `key`, as an EventBridge rule sends it to SQS. */
export const eventBridgeBody = (bucket: string, key: string): string => fill(sample('eventbridge'), bucket, key);
/** CloudTrail's own SNS notification of delivered files. */
export const cloudTrailSnsBody = (bucket: string, keys: readonly string[]): string => JSON.stringify({ s3Bucket: bucket, s3ObjectKey: keys });
/** The test event S3 sends when notifications are configured. */
export const s3TestEventBody = (bucket: string): string => fill(sample('s3-test-event'), bucket, '');

/**
 * Returns the CloudTrail record inside an EventBridge envelope
 * (`{"detail-type": "AWS API Call via CloudTrail", "detail": {…}}`), or the
 * value itself when it is not one.
 */
export function unwrapRecord(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const envelope = value as { 'detail-type'?: unknown; detail?: unknown };
  if (typeof envelope['detail-type'] === 'string' && typeof envelope.detail === 'object' && envelope.detail !== null) {
    return envelope.detail;
  }
  return value;
}

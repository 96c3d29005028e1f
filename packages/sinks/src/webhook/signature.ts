import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying `sha256=<hex>`. */
export const SIGNATURE_HEADER = 'X-Jackwatch-Signature';
/** Header carrying the Unix time (seconds) that was signed with the body. */
export const TIMESTAMP_HEADER = 'X-Jackwatch-Timestamp';

/**
 * The signature of a webhook request: `sha256=` + hex HMAC-SHA256 over
 * `"<timestamp>.<raw body>"`. Binding the timestamp into the MAC lets the
 * receiver reject replays of an old request.
 *
 * @example signWebhookBody(secret, 1767225600, body) // 'sha256=5f1c…'
 */
export function signWebhookBody(secret: string, timestampSeconds: number, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestampSeconds}.`).update(body).digest('hex')}`;
}

/** What a receiver needs to check a request. */
export interface WebhookSignatureCheck {
  readonly secret: string;
  /** The raw request body, exactly as received. */
  readonly body: string | Buffer;
  /** The `X-Jackwatch-Signature` header. */
  readonly signature: string | undefined;
  /** The `X-Jackwatch-Timestamp` header. */
  readonly timestamp: string | undefined;
  /** Receiver's clock, epoch ms (default `Date.now()`). */
  readonly now?: number;
  /** Largest accepted clock difference, seconds (default 300). */
  readonly toleranceSeconds?: number;
}

/**
 * For receivers: whether a request is authentic and fresh. Compares in
 * constant time.
 *
 * @example
 * ```ts
 * const ok = verifyWebhookSignature({ secret, body: rawBody,
 *   signature: req.headers['x-jackwatch-signature']?.toString(), timestamp: req.headers['x-jackwatch-timestamp']?.toString() });
 * ```
 */
export function verifyWebhookSignature(check: WebhookSignatureCheck): boolean {
  if (check.signature === undefined || check.timestamp === undefined || !/^\d+$/.test(check.timestamp)) return false;
  const timestamp = Number(check.timestamp);
  const nowSeconds = (check.now ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - timestamp) > (check.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(check.secret, timestamp, check.body));
  const given = Buffer.from(check.signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

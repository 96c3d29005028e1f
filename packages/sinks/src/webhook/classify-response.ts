import type { DeliveryResult } from '../internal/batch-transport.ts';
import { parseRetryAfter } from '../internal/retry-after.ts';
import type { HttpPostResponse } from './http-post.ts';

/**
 * What an HTTP response means for delivery: 2xx delivered; 408, 429 and 5xx
 * retryable (with `Retry-After` when given); every other status final —
 * retrying a 400 or 401 would fail the same way.
 */
export function classifyResponse(response: HttpPostResponse, now: number): DeliveryResult {
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true };
  const snippet = response.bodySnippet.replace(/\s+/g, ' ').trim().slice(0, 200);
  const reason = `HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
  const retryable = status === 408 || status === 429 || (status >= 500 && status < 600);
  const retryAfterMs = retryable ? parseRetryAfter(response.headers['retry-after'], now) : undefined;
  return retryAfterMs === undefined ? { ok: false, retryable, reason } : { ok: false, retryable, reason, retryAfterMs };
}

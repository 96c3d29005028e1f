import { redactUrl } from '../config/redact-url.ts';
import { REDACTED } from '../config/redacted.ts';

/** The longest message {@link maskMessage} returns, in characters. */
export const MAX_MASKED_MESSAGE = 300;

const URL_IN_TEXT = /https?:\/\/[^\s"'<>]+/gi;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{12,}\b/g;
const SECRET_ASSIGNMENT = /\b(token|secret|password|passwd|auth|authorization|api[-_]?key|hmac|cookie|signature|credential)s?(["']?\s*[:=]\s*["']?)(bearer\s+|basic\s+)?[^\s,;"'&]+/gi;
const BEARER = /\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}/gi;

/**
 * An error message fit to show outside the process (a status page): URLs
 * cut to their origin, AWS access key ids, bearer tokens and `secret=…`
 * values replaced by `***`, control characters dropped, at most
 * {@link MAX_MASKED_MESSAGE} characters.
 *
 * @example maskMessage('POST https://hooks.slack.com/services/T0/B0/x failed') // 'POST https://hooks.slack.com/*** failed'
 */
export function maskMessage(text: string): string {
  // Bound the work first: nothing past a few times the output limit can show.
  const head = text.slice(0, MAX_MASKED_MESSAGE * 4);
  const masked = head
    .replace(URL_IN_TEXT, (url) => redactUrl(url) ?? url)
    .replace(ACCESS_KEY_ID, REDACTED)
    .replace(BEARER, (_match, scheme: string) => `${scheme} ${REDACTED}`)
    .replace(SECRET_ASSIGNMENT, (_match, key: string, separator: string) => `${key}${separator}${REDACTED}`)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return masked.length > MAX_MASKED_MESSAGE ? `${masked.slice(0, MAX_MASKED_MESSAGE - 1)}…` : masked;
}

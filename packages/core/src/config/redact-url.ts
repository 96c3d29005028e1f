import { REDACTED } from './redacted.ts';

const HTTP_URL = /^https?:\/\//i;

/**
 * The form of an `http(s)://` URL that may be shown: its origin, followed by
 * `/***` when it had anything more — user info, a path, a query or a
 * fragment — which may be a secret (Slack and many other webhooks put their
 * token in the path). `undefined` when `text` is not such a URL or is a bare
 * origin, which is shown as written.
 *
 * @example redactUrl('https://hooks.slack.com/services/T0/B0/xyz') // 'https://hooks.slack.com/***'
 */
export function redactUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!HTTP_URL.test(trimmed)) return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return undefined;
  }
  const hidden = url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '';
  return hidden ? `${url.origin}/${REDACTED}` : undefined;
}

import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** One POST. */
export interface HttpPostRequest {
  readonly url: URL;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
  /** An `http.Agent` for `http:` URLs, an `https.Agent` (with the TLS options) for `https:`. */
  readonly agent: Agent;
  /** Whole exchange: connect, send, response headers and body. */
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/** The response, with at most {@link MAX_RESPONSE_SNIPPET} bytes of its body kept. */
export interface HttpPostResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly bodySnippet: string;
}

/** Bytes of a response body kept for error messages; the rest is read and discarded. */
export const MAX_RESPONSE_SNIPPET = 512;

/** Raised when the exchange outlasts `timeoutMs`. */
export class HttpTimeoutError extends Error {
  override readonly name = 'HttpTimeoutError';
}

/**
 * POSTs `body` and resolves with the status and a bounded snippet of the
 * response. Rejects on network errors, on timeout ({@link HttpTimeoutError})
 * and when `signal` aborts. Redirects are not followed.
 */
export function httpPost(post: HttpPostRequest): Promise<HttpPostResponse> {
  return new Promise((resolve, reject) => {
    const timeout = AbortSignal.timeout(post.timeoutMs);
    const signal = AbortSignal.any([post.signal, timeout]);
    const send = post.url.protocol === 'https:' ? httpsRequest : httpRequest;
    const fail = (error: unknown): void => {
      reject(timeout.aborted ? new HttpTimeoutError(`timed out after ${post.timeoutMs}ms`) : error);
    };
    const req = send(
      post.url,
      { method: 'POST', agent: post.agent, signal, headers: { ...post.headers, 'content-length': String(post.body.length) } },
      (res) => {
        const kept: Buffer[] = [];
        let keptBytes = 0;
        res.on('data', (chunk: Buffer) => {
          if (keptBytes >= MAX_RESPONSE_SNIPPET) return;
          kept.push(chunk.subarray(0, MAX_RESPONSE_SNIPPET - keptBytes));
          keptBytes += Math.min(chunk.length, MAX_RESPONSE_SNIPPET - keptBytes);
        });
        res.on('error', fail);
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, bodySnippet: Buffer.concat(kept).toString('utf8') }),
        );
      },
    );
    req.on('error', fail);
    req.end(post.body);
  });
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { CounterSet, decodeDocument, METRICS, DetectionSession, type Detector, type Finding, type Named } from '@jackwatch/core';
import { defaultDetectors } from './bedrock-detectors.ts';
import { forwardFindings } from './forward-findings.ts';
import { BodyTooLarge, readBody } from './read-body.ts';

/** Options of {@link createService}. Every field is optional. */
export interface ServiceOptions {
  /** The detectors (fresh instances, owned by the service). Default: the four Bedrock rules. */
  readonly detectors?: readonly Named<Detector>[];
  /** When set, requests must carry it in `x-api-key` (an EventBridge connection's API-key authorization). */
  readonly apiKey?: string;
  /** When set, each request's findings are also POSTed there as a JSON array. */
  readonly forwardUrl?: string;
  /** Allowed lateness of event time, ms (default 15 minutes). */
  readonly allowedLateness?: number;
  /** Largest body accepted, bytes (default 1 MiB; EventBridge sends at most 256 KiB). */
  readonly maxBodyBytes?: number;
  /** Where operational errors go (a failed forward); the service itself never logs. */
  readonly onError?: (error: unknown) => void;
}

/** A running detection service. */
export interface DetectionService extends AsyncDisposable {
  /** `http://127.0.0.1:PORT` once listening. */
  readonly url: string;
  readonly telemetry: CounterSet;
  /** Stops accepting requests, flushes the detectors (forwarding what they emit), and closes. Idempotent. */
  close(): Promise<Finding[]>;
}

/**
 * An HTTP service embedding `@jackwatch/core`: `POST /events` takes
 * CloudTrail records in any shape the decoders know — an EventBridge event
 * from an API destination (`detail` holds the record), a delivery file
 * `{"Records":[…]}`, a JSON array or NDJSON — runs them through one
 * long-lived `DetectionSession`, and answers with the findings they completed
 * (also forwarded to `forwardUrl`). `GET /healthz` reports counters.
 *
 * @example
 * ```ts
 * const service = await createService({ apiKey: process.env.API_KEY }).listen(8080);
 * ```
 */
export function createService(options: ServiceOptions = {}): { listen(port: number, host?: string): Promise<DetectionService> } {
  return { listen: (port, host = '127.0.0.1') => start(options, port, host) };
}

async function start(options: ServiceOptions, port: number, host: string): Promise<DetectionService> {
  const telemetry = new CounterSet();
  const onError = options.onError ?? (() => undefined);
  // One long-lived session: events of every request share the detectors' state (a sequence may span requests).
  const session = new DetectionSession(options.detectors ?? defaultDetectors(telemetry), {
    allowedLateness: options.allowedLateness ?? 15 * 60_000,
    telemetry,
  });
  const forward = async (findings: Finding[]): Promise<boolean | undefined> =>
    options.forwardUrl === undefined || findings.length === 0 ? undefined : forwardFindings(options.forwardUrl, findings, onError);

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://service').pathname;
    if (path === '/healthz' && request.method === 'GET') return reply(response, 200, { status: 'ok', events: telemetry.total(METRICS.eventsRead.name), findings: telemetry.total(METRICS.findings.name) });
    if (path !== '/events') return reply(response, 404, { error: `no route ${path}` });
    if (request.method !== 'POST') return reply(response, 405, { error: 'POST CloudTrail records to /events' });
    if (options.apiKey !== undefined && !sameKey(request.headers['x-api-key'], options.apiKey)) return reply(response, 401, { error: 'missing or wrong x-api-key' });
    let text: string;
    try {
      text = await readBody(request, options.maxBodyBytes ?? 1024 * 1024);
    } catch (error) {
      return reply(response, error instanceof BodyTooLarge ? 413 : 400, { error: (error as Error).message });
    }
    const { events, rejections } = decodeDocument(text, { source: 'http', location: 'POST /events' });
    const rejected = rejections.map((r) => ({ reason: r.reason, message: r.message, index: r.origin.index }));
    if (events.length === 0) return reply(response, 400, { error: 'no CloudTrail record in the body', rejected });
    const findings = session.push(events);
    const forwarded = await forward(findings);
    return reply(response, 200, { accepted: events.length, rejected, findings, ...(forwarded === undefined ? {} : { forwarded }) });
  };

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      onError(error);
      if (!response.headersSent) reply(response, 500, { error: 'internal error' });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  let closing: Promise<Finding[]> | undefined;
  const close = (): Promise<Finding[]> =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      });
      const last = session.end();
      await forward(last);
      return last;
    })());
  return { url: `http://${host}:${bound}`, telemetry, close, [Symbol.asyncDispose]: async () => void (await close()) };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

function sameKey(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

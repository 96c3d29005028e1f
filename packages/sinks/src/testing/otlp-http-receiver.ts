import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { decodeJsonRequest, decodeProtobufRequest, flattenLogRecords, type DecodedLogRecord } from './otlp-logs-decoder.ts';

/** One export request as received and decoded. */
export interface ReceivedOtlpRequest {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly status: number;
  readonly records: readonly DecodedLogRecord[];
}

/** A scripted failure: answer `status` (and `retryAfter` seconds, if given) instead of accepting. */
export interface OtlpHttpFailure {
  readonly status: number;
  readonly retryAfter?: number;
}

/**
 * A real OTLP/HTTP logs receiver on 127.0.0.1: accepts `POST /v1/logs` with
 * `application/x-protobuf` or `application/json` bodies, gzipped or not,
 * decodes them with protobufjs and the OTLP proto subset, and records them.
 */
export class OtlpHttpReceiver {
  readonly requests: ReceivedOtlpRequest[] = [];
  readonly #server: Server;
  readonly #failures: OtlpHttpFailure[] = [];
  readonly #scheme: 'http' | 'https';
  #port = 0;

  private constructor(tls: { readonly cert: Buffer; readonly key: Buffer } | undefined) {
    const handle = (req: IncomingMessage, res: ServerResponse): void => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
        const failure = this.#failures.shift();
        let records: DecodedLogRecord[] = [];
        let status = failure?.status ?? 200;
        try {
          const raw = Buffer.concat(chunks);
          const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          records = flattenLogRecords(isJson ? decodeJsonRequest(body.toString('utf8')) : decodeProtobufRequest(body));
        } catch {
          status = 400;
        }
        if (req.url !== '/v1/logs') status = 404;
        this.requests.push({ path: req.url ?? '', headers: req.headers, status, records });
        const headers: Record<string, string> = { 'content-type': isJson ? 'application/json' : 'application/x-protobuf' };
        if (failure?.retryAfter !== undefined) headers['retry-after'] = String(failure.retryAfter);
        res.writeHead(status, headers);
        res.end(status === 200 && isJson ? '{}' : '');
      });
    };
    this.#server = tls ? createHttpsServer({ cert: tls.cert, key: tls.key }, handle) : createServer(handle);
    this.#scheme = tls ? 'https' : 'http';
  }

  /** Starts a receiver on an ephemeral port; with `tls`, it serves HTTPS with that certificate and key. */
  static async start(tls?: { readonly cert: Buffer; readonly key: Buffer }): Promise<OtlpHttpReceiver> {
    const receiver = new OtlpHttpReceiver(tls);
    await new Promise<void>((resolve) => receiver.#server.listen(0, '127.0.0.1', resolve));
    receiver.#port = (receiver.#server.address() as AddressInfo).port;
    return receiver;
  }

  /** Base URL, as a user would configure it (the sink appends `/v1/logs`). */
  get endpoint(): string {
    return `${this.#scheme}://127.0.0.1:${this.#port}`;
  }

  /** Fails the next requests, in order. */
  failNext(...failures: OtlpHttpFailure[]): void {
    this.#failures.push(...failures);
  }

  /** Log records of the accepted requests. */
  acceptedRecords(): DecodedLogRecord[] {
    return this.requests.filter((r) => r.status === 200).flatMap((r) => r.records);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }
}

import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';

/** How the receiver answers one request. */
export type WebhookBehaviour =
  /** Answer `status` (after `delayMs`), with optional headers and body. */
  | { readonly kind: 'respond'; readonly status: number; readonly headers?: Readonly<Record<string, string>>; readonly body?: string; readonly delayMs?: number }
  /** Read the request, never answer (until the client gives up). */
  | { readonly kind: 'hang' }
  /** Read the request, then reset the connection without a response. */
  | { readonly kind: 'reset' };

/** One request as received. */
export interface ReceivedWebhook {
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly behaviour: WebhookBehaviour['kind'];
}

/** Options of {@link WebhookReceiver.start}. */
export interface WebhookReceiverOptions {
  /** Serve HTTPS with this certificate and key (PEM). */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer };
}

/**
 * A real HTTP(S) server on 127.0.0.1 that records requests and answers them
 * as scripted: `script(...)` behaviours are used once each, in order, then
 * the default (200, unless changed with `setDefault`).
 */
export class WebhookReceiver {
  readonly requests: ReceivedWebhook[] = [];
  /** Requests answered with a complete response. */
  completed = 0;
  /** Hung requests whose connection the client closed. */
  abandoned = 0;
  /** Most requests being handled at the same moment. */
  maxConcurrent = 0;
  readonly #server: Server;
  readonly #script: WebhookBehaviour[] = [];
  #default: WebhookBehaviour = { kind: 'respond', status: 200, body: 'ok' };
  #concurrent = 0;
  #port = 0;
  readonly #scheme: 'http' | 'https';

  private constructor(server: Server, scheme: 'http' | 'https') {
    this.#server = server;
    this.#scheme = scheme;
    server.on('request', (req, res) => void this.#handle(req, res));
  }

  /** Starts a receiver on an ephemeral port. */
  static async start(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
    const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }) : createHttpServer();
    const receiver = new WebhookReceiver(server, options.tls ? 'https' : 'http');
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    receiver.#port = (server.address() as AddressInfo).port;
    return receiver;
  }

  /** The URL to POST to. */
  get url(): string {
    return `${this.#scheme}://127.0.0.1:${this.#port}/hook`;
  }

  /** Queues behaviours for the next requests. */
  script(...behaviours: WebhookBehaviour[]): void {
    this.#script.push(...behaviours);
  }

  /** The behaviour once the script is used up. */
  setDefault(behaviour: WebhookBehaviour): void {
    this.#default = behaviour;
  }

  /** Bodies of the successfully answered requests, parsed. */
  deliveredBodies(): unknown[] {
    return this.requests.filter((r) => r.behaviour === 'respond').map((r) => JSON.parse(r.body.toString('utf8')));
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.#concurrent += 1;
    this.maxConcurrent = Math.max(this.maxConcurrent, this.#concurrent);
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const behaviour = this.#script.shift() ?? this.#default;
      this.requests.push({ headers: req.headers, body: Buffer.concat(chunks), behaviour: behaviour.kind });
      if (behaviour.kind === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      if (behaviour.kind === 'hang') {
        await new Promise<void>((resolve) => res.on('close', resolve));
        this.abandoned += 1;
        return;
      }
      if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs));
      res.writeHead(behaviour.status, { 'content-type': 'text/plain', ...behaviour.headers });
      res.end(behaviour.body ?? '');
      this.completed += 1;
    } finally {
      this.#concurrent -= 1;
    }
  }
}

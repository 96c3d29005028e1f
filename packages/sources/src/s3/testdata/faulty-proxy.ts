import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

const DENIED = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>';

/** A loopback proxy in front of the emulator that fails some requests the way AWS and networks do. */
export interface FaultyProxy {
  readonly endpoint: string;
  /** The most responses `delay` held back at once: how many downloads the client had in flight. */
  readonly mostDelayedAtOnce: number;
  close(): Promise<void>;
}

/** Which requests fail, and how. */
export interface Faults {
  /** Answer AccessDenied (S3 XML 403), as AWS would, when true. */
  readonly deny?: (method: string, path: string) => boolean;
  /** Drop the connection after this many bytes of the response body, when a number. */
  readonly cutAfter?: (method: string, path: string) => number | undefined;
  /** Hold the response back this many milliseconds, when a number. */
  readonly delay?: (method: string, path: string) => number | undefined;
}

/** Starts a proxy to `target` that injects `faults` and forwards everything else unchanged. */
export async function startFaultyProxy(target: string, faults: Faults): Promise<FaultyProxy> {
  const upstream = new URL(target);
  let delayed = 0;
  let mostDelayedAtOnce = 0;
  const server = createServer((incoming, outgoing) => void handle(incoming, outgoing));
  async function handle(incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> {
    const method = incoming.method ?? 'GET';
    const path = incoming.url ?? '/';
    if (faults.deny?.(method, path) === true) {
      incoming.resume();
      outgoing.writeHead(403, { 'content-type': 'application/xml' }).end(DENIED);
      return;
    }
    const delayMs = faults.delay?.(method, path);
    if (delayMs !== undefined) {
      mostDelayedAtOnce = Math.max(mostDelayedAtOnce, ++delayed);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayed--;
    }
    const cutAfter = faults.cutAfter?.(method, path);
    const proxied = forward({ host: upstream.hostname, port: upstream.port, method, path, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      if (cutAfter === undefined) return void response.pipe(outgoing);
      let sent = 0;
      response.on('data', (chunk: Buffer) => {
        if (sent >= cutAfter) return;
        const piece = chunk.subarray(0, cutAfter - sent);
        sent += piece.length;
        outgoing.write(piece);
        if (sent >= cutAfter) {
          response.destroy();
          outgoing.socket?.destroy(); // mid-body, as a dropped connection: the client sees fewer bytes than Content-Length
        }
      });
      response.on('end', () => outgoing.end());
    });
    proxied.on('error', () => outgoing.destroy());
    incoming.pipe(proxied);
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    get mostDelayedAtOnce() {
      return mostDelayedAtOnce;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

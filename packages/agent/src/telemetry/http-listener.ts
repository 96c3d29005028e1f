import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A started HTTP listener of the agent's own (health, Prometheus scrape). */
export interface HttpListener {
  /** `host:port` it is bound to (the port chosen when 0 was asked for). */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Listens on `host:port` with `handle`, for the agent's own endpoints:
 * requests are answered without reading a body, slow clients are cut off
 * (headers within 5 s, the whole request within 10 s), at most 64
 * connections at once, none kept open past `close`.
 */
export async function listen(host: string, port: number, handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<HttpListener> {
  const server: Server = createServer({ headersTimeout: 5_000, requestTimeout: 10_000, keepAliveTimeout: 1_000, maxHeaderSize: 8192 }, (request, response) => {
    request.resume();
    try {
      handle(request, response);
    } catch {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('internal error\n');
    }
  });
  server.maxConnections = 64;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const bound = server.address() as AddressInfo;
  return {
    address: `${bound.family === 'IPv6' ? `[${bound.address}]` : bound.address}:${bound.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

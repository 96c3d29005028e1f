import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';

const DENIED = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>';

/** A loopback proxy in front of the emulator that answers AccessDenied, as AWS would, to the requests `deny` picks. */
export interface DenyingProxy {
  readonly endpoint: string;
  close(): Promise<void>;
}

/** Starts a proxy to `target` that refuses (S3 XML 403) every request for which `deny(method, path)` is true. */
export async function startDenyingProxy(target: string, deny: (method: string, path: string) => boolean): Promise<DenyingProxy> {
  const upstream = new URL(target);
  const server = createServer((incoming, outgoing) => {
    if (deny(incoming.method ?? 'GET', incoming.url ?? '/')) {
      incoming.resume();
      outgoing.writeHead(403, { 'content-type': 'application/xml' }).end(DENIED);
      return;
    }
    const proxied = forward(
      { host: upstream.hostname, port: upstream.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    proxied.on('error', () => outgoing.destroy());
    incoming.pipe(proxied);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

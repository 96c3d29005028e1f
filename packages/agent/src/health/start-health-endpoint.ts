import type { ComponentStatus, Logger } from '@jackwatch/core';
import type { HealthConfig } from '@jackwatch/core/config';
import { listen, type HttpListener } from '../telemetry/http-listener.ts';
import { readiness, statusDocument } from './health-report.ts';

/**
 * Serves the agent's health over plain HTTP, like the collector's
 * `health_check` extension: `GET /healthz` (200 while the process serves),
 * `GET /readyz` (200 when ready, else 503 with the reasons; see
 * {@link readiness}) and `GET /status` (JSON per component). Anything else
 * is 404. `statuses` answers `undefined` until the pipelines are built.
 */
export async function startHealthEndpoint(config: HealthConfig, statuses: () => readonly ComponentStatus[] | undefined, logger: Logger): Promise<HttpListener> {
  const listener = await listen(config.host, config.port, (request, response) => {
    const path = new URL(request.url ?? '/', 'http://agent').pathname;
    const json = (status: number, body: unknown) => response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(`${JSON.stringify(body)}\n`);
    if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: 'method not allowed' });
    if (path === '/healthz') return json(200, { status: 'alive' });
    if (path === '/readyz') {
      const { ready, reasons } = readiness(statuses());
      return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', reasons });
    }
    if (path === '/status') return json(200, statusDocument(statuses()));
    return json(404, { error: 'not found' });
  });
  logger.info(`health endpoint at http://${listener.address} (/healthz, /readyz, /status)`);
  return listener;
}

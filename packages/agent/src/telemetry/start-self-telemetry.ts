import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, type IMetricReader } from '@opentelemetry/sdk-metrics';
import type { Logger, Telemetry } from '@jackwatch/core';
import type { JackwatchConfig } from '@jackwatch/core/config';
import { AGENT_VERSION } from '../version.ts';
import type { OtlpReaderOptions } from './check-telemetry-config.ts';
import { createPeriodicReader } from './create-metric-reader.ts';
import { listen, type HttpListener } from './http-listener.ts';
import { observeMetrics } from './observe-metrics.ts';
import { observeProcessMemory } from './observe-process-memory.ts';

/** The agent's metrics pipeline, running. */
export interface SelfTelemetry {
  /** Exports once more (periodic readers), then stops the readers and the scrape endpoints. */
  shutdown(): Promise<void>;
}

/**
 * Starts the metric readers of `service.telemetry.metrics`: each periodic
 * one pushes over OTLP, each pull one serves `GET /metrics` for Prometheus
 * on its host and port. All read `telemetry` (see {@link observeMetrics}).
 * With no reader configured nothing is started.
 */
export async function startSelfTelemetry(config: JackwatchConfig, otlp: OtlpReaderOptions, telemetry: Telemetry, logger: Logger): Promise<SelfTelemetry> {
  const { readers: configured } = config.service.telemetry.metrics;
  if (configured.length === 0) return { shutdown: async () => {} };
  const readers: IMetricReader[] = [];
  const listeners: HttpListener[] = [];
  try {
    for (const [index, reader] of configured.entries()) {
      if (reader.kind === 'periodic') {
        readers.push(await createPeriodicReader(otlp.get(index)!, reader.interval, config.baseDir));
        continue;
      }
      const exporter = new PrometheusExporter({ preventServerStart: true });
      readers.push(exporter);
      const listener = await listen(reader.host, reader.port, (request, response) => {
        const path = new URL(request.url ?? '/', 'http://agent').pathname;
        if (request.method === 'GET' && path === '/metrics') exporter.getMetricsRequestHandler(request, response);
        else response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      });
      listeners.push(listener);
      logger.info(`metrics served for Prometheus at http://${listener.address}/metrics`);
    }
  } catch (error) {
    await Promise.all(listeners.map((listener) => listener.close()));
    throw error;
  }
  const provider = new MeterProvider({
    resource: resourceFromAttributes({ 'service.name': 'jackwatch', 'service.version': AGENT_VERSION }),
    readers,
  });
  observeProcessMemory(telemetry);
  observeMetrics(provider.getMeter('jackwatch', AGENT_VERSION), telemetry);
  return {
    async shutdown() {
      try {
        await provider.forceFlush();
      } catch (error) {
        logger.warn(`last metrics export failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      await provider.shutdown().catch(() => undefined);
      await Promise.all(listeners.map((listener) => listener.close()));
    },
  };
}

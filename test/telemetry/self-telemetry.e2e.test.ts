import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../packages/sinks/src/testing/webhook-receiver.ts';
import { startCli, type CliProcess } from '../support/cli-process.ts';
import { OtlpMetricsReceiver } from '../support/otlp-metrics-receiver.ts';
import { copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { agentAddresses, eventually, getJson, scrape, summaryNumbers, writeLoggingDeletion } from './support.ts';

const running: CliProcess[] = [];
const closers: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cli of running.splice(0)) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
  for (const close of closers.splice(0)) await close();
});

/** A config following the quickstart logs with the aws-bedrock pack, its service section given. */
function followedConfig(dir: string, service: string, sinks = 'stdout: { format: json }', sinkIds = '[stdout]'): string {
  return `service:
  checkpoints: { memory: true }
${service}
sources:
  file:
    paths: [${JSON.stringify(join(dir, 'logs'))}]
    follow: true
    pollInterval: 100ms
detectors:
  aws-bedrock: {}
sinks:
  ${sinks}
pipelines:
  default:
    sources: [file]
    detectors: [aws-bedrock]
    sinks: ${sinkIds}
`;
}

async function start(dir: string, config: string): Promise<CliProcess> {
  const file = join(dir, 'config.yaml');
  await writeFile(file, config);
  const cli = startCli(file, {});
  running.push(cli);
  return cli;
}

describe('self-telemetry and health, through the CLI', () => {
  it('serves /metrics mid-run with the numbers the run summary then prints, and health endpoints', { timeout: 90_000 }, async () => {
    const dir = await copyQuickstartLogs();
    const cli = await start(
      dir,
      followedConfig(
        dir,
        `  telemetry:
    metrics:
      readers:
        - pull: { exporter: { prometheus: { host: 127.0.0.1, port: 0 } } }
  health: { endpoint: "127.0.0.1:0" }`,
      ),
    );
    const { health, metrics } = await agentAddresses(cli, true);
    expect((await getJson(`${health}/healthz`)).status).toBe(200);
    await cli.waitFor((lines) => lines.length >= 13);
    // Reading is done once two scrapes a few polls apart agree.
    const values = await eventually('the counters to settle', async () => {
      const first = await scrape(metrics);
      await new Promise((resolve) => setTimeout(resolve, 500));
      const second = await scrape(metrics);
      const read = second.get('jackwatch_source_events_read_total{pipeline=default,source=file}');
      return read !== undefined && read > 0 && read === first.get('jackwatch_source_events_read_total{pipeline=default,source=file}') ? second : undefined;
    });

    const ready = await getJson(`${health}/readyz`);
    expect(ready).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });
    const status = await getJson(`${health}/status`);
    expect(status.body.components).toEqual([
      expect.objectContaining({ pipeline: 'default', id: 'file', kind: 'source', state: 'running', lagSeconds: expect.any(Number) }),
      expect.objectContaining({ pipeline: 'default', id: 'stdout', kind: 'sink', state: 'running', queued: 0, circuitOpen: false }),
    ]);
    expect((await fetch(`${health}/elsewhere`)).status).toBe(404);
    expect((await fetch(metrics.replace('/metrics', '/other'))).status).toBe(404);

    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
    const summary = summaryNumbers(cli.stderr());
    expect(values.get('jackwatch_source_events_read_total{pipeline=default,source=file}')).toBe(summary.read['file']);
    expect(Object.keys(summary.findings)).toHaveLength(12);
    for (const [detector, count] of Object.entries(summary.findings)) {
      const exported = [...values].filter(([key]) => key.startsWith('jackwatch_detector_findings_total{') && key.includes(`detector=${detector},`));
      expect(exported.map(([, value]) => value), detector).toEqual([count]);
    }
    expect(values.get('jackwatch_sink_findings_delivered_total{sink=stdout}')).toBe(summary.sinks['stdout']!.delivered);
    expect(values.get('jackwatch_sink_findings_accepted_total{sink=stdout}')).toBe(summary.sinks['stdout']!.accepted);
    expect(values.get('jackwatch_sink_queue_depth{sink=stdout}')).toBe(0);
    expect(values.get('jackwatch_source_files_prefiltered_total{source=file}')).toBe(24);
    expect(values.get('jackwatch_source_records_prefiltered_total{source=file}')).toBe(159);
    // Gauges: lags per source and per partition (the quickstart has five), memory, component state.
    expect(values.get('jackwatch_source_event_time_lag{pipeline=default,source=file}')).toBeGreaterThan(0);
    expect([...values.keys()].filter((key) => key.startsWith('jackwatch_source_partition_event_time_lag{'))).toHaveLength(5);
    expect(values.get('jackwatch_process_memory_usage{type=rss}')).toBeGreaterThan(0);
    expect(values.get('jackwatch_component_up{component=file,pipeline=default}')).toBe(1);
    expect(values.get('jackwatch_detector_state_entries{detector=aws-bedrock-logging-deletion,pipeline=default}')).toBe(0);
  });

  it('exports the same numbers over OTLP/HTTP protobuf to a collector, the last export after shutdown', { timeout: 90_000 }, async () => {
    const receiver = await OtlpMetricsReceiver.start();
    closers.push(() => receiver.close());
    const dir = await copyQuickstartLogs();
    const cli = await start(
      dir,
      followedConfig(
        dir,
        `  telemetry:
    metrics:
      readers:
        - periodic:
            interval: 500ms
            exporter:
              otlp: { endpoint: "${receiver.endpoint}", headers: { Authorization: "Bearer metrics-token" } }`,
      ),
    );
    await cli.waitFor((lines) => lines.length >= 13);
    await eventually('an export', () => (receiver.requests.length > 0 ? true : undefined));
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
    const summary = summaryNumbers(cli.stderr());

    const last = receiver.requests.at(-1)!;
    expect(last.headers['authorization']).toBe('Bearer metrics-token');
    expect(last.headers['content-type']).toBe('application/x-protobuf');
    expect(last.resource).toMatchObject({ 'service.name': 'jackwatch' });
    const read = receiver.lastPoints('jackwatch.source.events.read');
    expect(read).toEqual([{ metric: 'jackwatch.source.events.read', unit: '{event}', kind: 'sum', monotonic: true, attributes: { pipeline: 'default', source: 'file' }, value: summary.read['file'] }]);
    const findings = receiver.lastPoints('jackwatch.detector.findings');
    expect(Object.fromEntries(findings.map((point) => [point.attributes['detector'], point.value]))).toEqual(summary.findings);
    expect(findings.every((point) => ['low', 'medium', 'high', 'critical'].includes(point.attributes['severity'] ?? ''))).toBe(true);
    expect(receiver.lastPoints('jackwatch.sink.findings.delivered').map((point) => point.value)).toEqual([summary.sinks['stdout']!.delivered]);
    const lag = receiver.lastPoints('jackwatch.source.event_time.lag');
    expect(lag).toEqual([expect.objectContaining({ unit: 's', kind: 'gauge', attributes: { pipeline: 'default', source: 'file' } })]);
  });

  it('is not ready while a sink circuit is open, and ready again once the receiver is back', { timeout: 90_000 }, async () => {
    const webhook = await WebhookReceiver.start();
    closers.push(() => webhook.close());
    const dir = await copyQuickstartLogs();
    const cli = await start(
      dir,
      followedConfig(
        dir,
        `  health: { endpoint: "127.0.0.1:0" }`,
        `webhook:
    url: "${webhook.url}"
    maxRetries: 0
    batch: { maxWait: 10ms }
    deadLetter: ${JSON.stringify(join(dir, 'dead.jsonl'))}
    circuitBreaker: { failures: 1, probeInterval: 200ms }`,
        '[webhook]',
      ),
    );
    const { health } = await agentAddresses(cli, false);
    await eventually('all quickstart findings delivered and ready', async () => {
      const ready = await getJson(`${health}/readyz`);
      return ready.status === 200 && webhook.requests.reduce((n, r) => n + ((JSON.parse(r.body.toString('utf8')) as { findings: unknown[] }).findings.length), 0) >= 13 ? true : undefined;
    });

    webhook.setDefault({ kind: 'respond', status: 503 });
    await writeLoggingDeletion(join(dir, 'logs'), 'down-1');
    const down = await eventually('readyz to report the open circuit', async () => {
      const ready = await getJson(`${health}/readyz`);
      return ready.status === 503 ? ready : undefined;
    });
    expect(down.body).toEqual({ status: 'not ready', reasons: ['sink webhook: circuit open'] });
    const status = await getJson(`${health}/status`);
    expect(status.body.components).toContainEqual(expect.objectContaining({ id: 'webhook', kind: 'sink', circuitOpen: true }));

    webhook.setDefault({ kind: 'respond', status: 200 });
    await new Promise((resolve) => setTimeout(resolve, 300)); // past probeInterval, so the next batch is the probe
    await writeLoggingDeletion(join(dir, 'logs'), 'back-1');
    await eventually('readyz to be ready again', async () => ((await getJson(`${health}/readyz`)).status === 200 ? true : undefined));
    cli.child.kill('SIGTERM');
    expect(await cli.exited()).toBe(0);
  });
});

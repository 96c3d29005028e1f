import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

async function validate(service: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'jackwatch-telemetry-config-'));
  const file = join(dir, 'config.yaml');
  await writeFile(
    file,
    `service:
${service}
sources:
  file: { paths: [${JSON.stringify(dir)}] }
detectors:
  aws-bedrock-logging-deletion: {}
sinks:
  stdout: {}
pipelines:
  default: { sources: [file], detectors: [aws-bedrock-logging-deletion], sinks: [stdout] }
`,
  );
  return runCli(['validate', '--config', file], { env: { METRICS_TOKEN: 'metrics-s3cret' } });
}

describe('service.telemetry and service.health in the config', () => {
  it('validates the OTLP exporter with the otlp sink rules, naming path and line, and never prints its secrets', { timeout: 90_000 }, async () => {
    const result = await validate(`  telemetry:
    metrics:
      readers:
        - periodic:
            interval: 10s
            exporter:
              otlp:
                endpoint: ftp://collector
                protocol: grpc
                headers: { "Bad Header": "\${env:METRICS_TOKEN}" }
                tls: { insecureSkipVerify: true }
                batch: { maxFindings: 5 }`);
    expect(result.code).toBe(2);
    const otlp = 'service.telemetry.metrics.readers[0].periodic.exporter.otlp';
    expect(result.stderr).toContain(`config.yaml:9:27: ${otlp}.endpoint: endpoint must be an http:// or https:// URL`);
    expect(result.stderr).toContain(`config.yaml:9:17: ${otlp}: Unrecognized key: "batch"`);
    expect(result.stderr).toContain(`config.yaml:11:42: ${otlp}.headers.Bad Header: "Bad Header" is not a valid header name`);
    expect(result.stderr).toContain(`config.yaml:12:44: ${otlp}.tls.insecureSkipVerify: insecureSkipVerify is not supported with grpc`);
    expect(result.stderr).not.toContain('metrics-s3cret');
  });

  it('refuses a reader that is neither or both kinds, a bad port and a health endpoint that is no host:port', { timeout: 90_000 }, async () => {
    const result = await validate(`  telemetry:
    metrics:
      readers:
        - {}
        - pull: { exporter: { prometheus: { port: 70000 } } }
  health: { endpoint: "localhost" }`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('config.yaml:5:11: service.telemetry.metrics.readers[0]: give one of "periodic" (OTLP push) or "pull" (Prometheus scrape)');
    expect(result.stderr).toContain('config.yaml:6:51: service.telemetry.metrics.readers[1].pull.exporter.prometheus.port: port must be 0 (any free port) to 65535');
    expect(result.stderr).toContain('config.yaml:7:23: service.health.endpoint: expected host:port (e.g. 127.0.0.1:13133), got "localhost"');
  });

  it('accepts the collector-style shape and `health:` alone, and never prints the header secret', { timeout: 90_000 }, async () => {
    const result = await validate(`  telemetry:
    metrics:
      readers:
        - periodic: { exporter: { otlp: { endpoint: "http://collector:4318", headers: { Authorization: "Bearer \${env:METRICS_TOKEN}" } } } }
        - pull: { exporter: { prometheus: {} } }
  health:`);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('valid (1 pipeline(s))');
    expect(result.stdout + result.stderr).not.toContain('metrics-s3cret');
  });
});

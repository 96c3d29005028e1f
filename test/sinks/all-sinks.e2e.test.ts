import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '@jackwatch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { OtlpHttpReceiver } from '../../packages/sinks/src/testing/otlp-http-receiver.ts';
import { WebhookReceiver } from '../../packages/sinks/src/testing/webhook-receiver.ts';
import { copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';

const RULES = [
  'aws-bedrock-enum-then-invoke-long-term-key',
  'aws-bedrock-logging-deletion',
  'aws-bedrock-logging-deletion-non-admin',
  'aws-bedrock-list-models-failures',
];

function config(logs: string, webhookUrl: string, otlpEndpoint: string): string {
  return `sources:
  file: { paths: [${JSON.stringify(logs)}] }
detectors:
${RULES.map((r) => `  ${r}: {}`).join('\n')}
sinks:
  stdout: { format: json }
  webhook:
    url: ${webhookUrl}
    hmacSecret: \${env:E2E_WEBHOOK_SECRET}
    batch: { maxFindings: 2, maxWait: 100ms }
    backoff: { initial: 50ms, max: 500ms }
  otlp:
    endpoint: ${otlpEndpoint}
    protocol: http/protobuf
    batch: { maxFindings: 10, maxWait: 100ms }
    backoff: { initial: 50ms, max: 500ms }
pipelines:
  default:
    sources: [file]
    detectors: [${RULES.join(', ')}]
    sinks: [stdout, webhook, otlp]
`;
}

describe('the agent with stdout, webhook and otlp sinks at once', () => {
  const receivers: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(receivers.splice(0).map((r) => r.close()));
  });

  it('delivers every finding to every sink through flaky receivers, and accounts for each', async () => {
    const webhook = await WebhookReceiver.start();
    const otlp = await OtlpHttpReceiver.start();
    receivers.push(webhook, otlp);
    // The webhook fails twice (500, then 429 with Retry-After), the collector once (503).
    webhook.script({ kind: 'respond', status: 500 }, { kind: 'respond', status: 429, headers: { 'retry-after': '0' } });
    otlp.failNext({ status: 503 });

    const dir = await copyQuickstartLogs();
    const file = join(dir, 'config.yaml');
    await writeFile(file, config(join(dir, 'logs'), webhook.url, otlp.endpoint));
    const { code, stdout, stderr } = await runCli(['run', '--config', file], { env: { E2E_WEBHOOK_SECRET: 'e2e-secret-0123456789abcdef' } });
    expect(code, stderr).toBe(0);

    const printed = jsonLines<Finding>(stdout).map((f) => f.id).sort();
    const posted = (webhook.deliveredBodies() as Array<{ findings: Finding[] }>).flatMap((b) => b.findings.map((f) => f.id)).sort();
    const exported = otlp.requests.filter((r) => r.status === 200).flatMap((r) => r.records.map((rec) => String(rec.attributes['log.record.uid']))).sort();
    expect(printed).toHaveLength(5);
    expect(new Set(posted)).toEqual(new Set(printed));
    expect(new Set(exported)).toEqual(new Set(printed));

    expect(stderr).toMatch(/sink webhook: delivered 5, retried [2-9]\d*, dead-lettered 0, queued 0/);
    // The OTLP exporter retries a 503 itself before the sink's own retry loop sees it.
    expect(otlp.requests.map((r) => r.status)).toContain(503);
    expect(stderr).toMatch(/sink otlp: delivered 5, retried \d+, dead-lettered 0, queued 0/);
    expect(stderr).toMatch(/sink stdout: delivered 5/);
    expect(stderr).not.toContain('e2e-secret');
  });
});

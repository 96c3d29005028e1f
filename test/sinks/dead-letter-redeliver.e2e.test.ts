import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Finding } from '@jackwatch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../packages/sinks/src/testing/webhook-receiver.ts';
import { copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';

const config = (logs: string, url: string): string => `sources:
  file: { paths: [${JSON.stringify(logs)}] }
detectors:
  aws-bedrock-enum-then-invoke-long-term-key: {}
  aws-bedrock-logging-deletion: {}
  aws-bedrock-list-models-failures: {}
sinks:
  stdout: {}
  webhook/siem:
    url: ${url}
    maxRetries: 2
    batch: { maxFindings: 1, maxWait: 50ms }
    backoff: { initial: 20ms, max: 100ms }
pipelines:
  default:
    sources: [file]
    detectors: [aws-bedrock-enum-then-invoke-long-term-key, aws-bedrock-logging-deletion, aws-bedrock-list-models-failures]
    sinks: [stdout, webhook/siem]
`;

describe('a receiver that is down, then jackwatch redeliver', () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => receiver?.close());

  it('dead-letters what cannot be delivered, loses nothing, and redelivers it later', async () => {
    receiver = await WebhookReceiver.start();
    receiver.setDefault({ kind: 'respond', status: 503 });
    const dir = await copyQuickstartLogs();
    const file = join(dir, 'config.yaml');
    await writeFile(file, config(join(dir, 'logs'), receiver.url));

    const run = await runCli(['run', '--config', file]);
    // Nothing lost: dead-lettering is the designed path through an outage (shown on the sink's line,
    // sent again by redeliver), so the run exits 0; only a finding that could not even be dead-lettered fails it.
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/sink webhook\/siem: delivered 0, retried \d+, dead-lettered 4/);
    expect(run.stderr).not.toContain('ERRORS');
    expect(run.stderr).not.toContain('LOST');
    const produced = jsonLines<Finding>(run.stdout).map((f) => f.id).sort();
    expect(produced).toHaveLength(4);
    // Three batches spend their retries; then the circuit opens and the fourth goes to the dead-letter file untried.
    expect(run.stderr).toMatch(/sink webhook\/siem: delivered 0, retried 6, dead-lettered 4, queued 0 \(accepted 4\)/);
    expect(run.stderr).toMatch(/circuit open/);
    expect(receiver.requests).toHaveLength(9);
    const deadLetters = (await readFile(join(dir, '.jackwatch/dead-letter/webhook_siem.jsonl'), 'utf8')).trim().split('\n');
    expect(deadLetters).toHaveLength(4);

    receiver.setDefault({ kind: 'respond', status: 200 });
    const redeliver = await runCli(['redeliver', '--config', file]);
    expect(redeliver.code, redeliver.stderr).toBe(0);
    expect(redeliver.stderr).toMatch(/webhook\/siem: read 4, delivered 4, dead-lettered again 0/);
    // The receiver records every request, the refused ones too: the last four are the redelivery.
    const redelivered = (receiver.deliveredBodies() as Array<{ findings: Finding[] }>).slice(-4).flatMap((b) => b.findings.map((f) => f.id)).sort();
    expect(redelivered).toEqual(produced);
  });
});

import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleAFinding } from '../testing/finding-fixture.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { WebhookReceiver } from '../testing/webhook-receiver.ts';
import { webhookConfigSchema } from './config.ts';
import { WebhookSink } from './webhook-sink.ts';

const tlsDir = fileURLToPath(new URL('../testing/tls/', import.meta.url));

describe('WebhookSink over HTTPS', () => {
  let receiver: WebhookReceiver;
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;

  beforeEach(async () => {
    const [cert, key] = await Promise.all([readFile(`${tlsDir}server.crt`), readFile(`${tlsDir}server.key`)]);
    receiver = await WebhookReceiver.start({ tls: { cert, key } });
    tmp = await makeTempDir();
  });
  afterEach(async () => {
    await receiver.close();
    await tmp.remove();
  });

  async function deliverWith(tls: Record<string, unknown>) {
    const deadLetter = `${tmp.dir}/dead-letter.jsonl`;
    const config = webhookConfigSchema.parse({ url: receiver.url, maxRetries: 0, tls, deadLetter, batch: { maxWait: '10ms' } });
    const sink = new WebhookSink(config, testContext('webhook/tls', { baseDir: tlsDir, clock: systemClock }));
    await sink.start();
    await sink.export([ruleAFinding()]);
    await sink.shutdown();
    return sink;
  }

  it('delivers when the receiver certificate chains to the configured CA (path relative to baseDir)', async () => {
    const sink = await deliverWith({ ca: 'ca.crt' });
    expect(sink.stats()).toMatchObject({ delivered: 1, deadLettered: 0 });
    expect(receiver.requests).toHaveLength(1);
  });

  it('verifies certificates by default: an unknown CA is refused and nothing is sent', async () => {
    const config = webhookConfigSchema.parse({ url: receiver.url, maxRetries: 0, batch: { maxWait: '10ms' } });
    const sink = new WebhookSink(config, testContext('webhook/tls', { baseDir: tmp.dir, clock: systemClock }));
    await sink.start();
    await sink.export([ruleAFinding()]);
    await sink.shutdown();
    expect(sink.stats()).toMatchObject({ delivered: 0, deadLettered: 1 });
    expect(receiver.requests).toHaveLength(0);
    const entry = JSON.parse((await readFile(sink.deadLetterPath, 'utf8')).trim());
    expect(entry.reason).toMatch(/certificate|UNABLE_TO_VERIFY|SELF_SIGNED/i);
  });

  it('fails at start when a TLS file cannot be read', async () => {
    const config = webhookConfigSchema.parse({ url: receiver.url, tls: { ca: 'missing-ca.pem' } });
    const sink = new WebhookSink(config, testContext('webhook/tls', { baseDir: tmp.dir, clock: systemClock }));
    await expect(sink.start()).rejects.toThrow(/tls\.ca .*missing-ca\.pem/);
    await sink.shutdown();
  });
});

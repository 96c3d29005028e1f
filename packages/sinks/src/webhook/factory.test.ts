import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleAFinding } from '../testing/finding-fixture.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { webhookSinkFactory } from './factory.ts';

describe('webhookSinkFactory (conformance)', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.remove());

  const url = 'http://127.0.0.1:9/hook';

  it('is a sink factory of type webhook', () => {
    expect(webhookSinkFactory).toMatchObject({ kind: 'sink', type: 'webhook', stability: 'alpha' });
    expect(webhookSinkFactory.description.length).toBeGreaterThan(0);
  });

  it('names the one required option and completes everything else', () => {
    const missing = webhookSinkFactory.configSchema.safeParse({});
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((i) => i.path.join('.'))).toEqual(['url']);
    expect(webhookSinkFactory.configSchema.parse({ url })).toEqual({
      url,
      format: 'json',
      headers: {},
      timeout: 10_000,
      tls: { insecureSkipVerify: false },
      batch: { maxFindings: 50, maxWait: 1000 },
      maxRetries: 5,
      backoff: { initial: 500, max: 30_000 },
      queueSize: 1000,
      shutdownTimeout: 30_000,
      circuitBreaker: { failures: 3, probeInterval: 30_000 },
      maxEvidenceSize: 262_144,
    });
  });

  it('shuts down without start, twice', async () => {
    const sink = webhookSinkFactory.create(webhookSinkFactory.configSchema.parse({ url }), testContext('webhook', { baseDir: tmp.dir, clock: systemClock }));
    await sink.shutdown();
    await sink.shutdown();
    expect(sink.stats?.()).toEqual({ accepted: 0, delivered: 0, retried: 0, deadLettered: 0, queued: 0, lost: 0 });
  });

  it('starts, shuts down, and can be created again', async () => {
    const config = webhookSinkFactory.configSchema.parse({ url });
    for (let round = 0; round < 2; round++) {
      const sink = webhookSinkFactory.create(config, testContext('webhook', { baseDir: tmp.dir, clock: systemClock }));
      await sink.start();
      await sink.forceFlush();
      await sink.shutdown();
    }
  });

  it('refuses findings before start and after shutdown', async () => {
    const sink = webhookSinkFactory.create(webhookSinkFactory.configSchema.parse({ url }), testContext('webhook', { baseDir: tmp.dir, clock: systemClock }));
    await expect(sink.export([ruleAFinding()])).rejects.toThrow(/not started/);
    await sink.start();
    await sink.shutdown();
    await expect(sink.export([ruleAFinding()])).rejects.toThrow(/shut down/);
  });

  it('fails at start when the dead-letter directory cannot be created', async () => {
    await writeFile(join(tmp.dir, 'a-file'), '');
    const config = webhookSinkFactory.configSchema.parse({ url, deadLetter: 'a-file/dead.jsonl' });
    const sink = webhookSinkFactory.create(config, testContext('webhook', { baseDir: tmp.dir, clock: systemClock }));
    await expect(sink.start()).rejects.toThrow(/ENOTDIR|EEXIST/);
    await sink.shutdown();
  });
});

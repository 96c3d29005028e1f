import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir.ts';
import { otlpSinkFactory } from './factory.ts';

describe('otlpSinkFactory (conformance)', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(() => tmp.remove());

  it('is a sink factory of type otlp', () => {
    expect(otlpSinkFactory).toMatchObject({ kind: 'sink', type: 'otlp', stability: 'alpha' });
  });

  it('has a complete default config', () => {
    expect(otlpSinkFactory.configSchema.parse({})).toEqual({
      protocol: 'http/protobuf',
      headers: {},
      compression: 'gzip',
      timeout: 10_000,
      tls: { insecureSkipVerify: false },
      resource: {},
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
    const sink = otlpSinkFactory.create(otlpSinkFactory.configSchema.parse({}), testContext('otlp', { baseDir: tmp.dir, clock: systemClock }));
    await sink.shutdown();
    await sink.shutdown();
    expect(sink.stats?.().accepted).toBe(0);
  });

  it('starts, shuts down, and can be created again, for every protocol', async () => {
    for (const protocol of ['http/protobuf', 'http/json', 'grpc'] as const) {
      for (let round = 0; round < 2; round++) {
        const sink = otlpSinkFactory.create(otlpSinkFactory.configSchema.parse({ protocol }), testContext('otlp', { baseDir: tmp.dir, clock: systemClock }));
        await sink.start();
        await sink.forceFlush();
        await sink.shutdown();
      }
    }
  });
});

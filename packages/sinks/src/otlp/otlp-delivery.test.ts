import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { systemClock } from '@jackwatch/core';
import { testContext } from '@jackwatch/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ruleAFindings } from '../testing/finding-fixture.ts';
import { OtlpGrpcReceiver } from '../testing/otlp-grpc-receiver.ts';
import { OtlpHttpReceiver } from '../testing/otlp-http-receiver.ts';
import { makeTempDir } from '../testing/temp-dir.ts';
import { otlpConfigSchema } from './config.ts';
import { OtlpSink } from './otlp-sink.ts';
import { redeliverOtlpDeadLetters } from './redeliver.ts';

const tlsDir = fileURLToPath(new URL('../testing/tls/', import.meta.url));

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('OtlpSink delivery guarantees', () => {
  let tmp: Awaited<ReturnType<typeof makeTempDir>>;
  const closers: Array<() => Promise<void>> = [];
  beforeEach(async () => {
    tmp = await makeTempDir();
  });
  afterEach(async () => {
    await Promise.all(closers.splice(0).map((close) => close()));
    await tmp.remove();
  });

  it('dead-letters while the collector is down, and redelivers once it is up', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const config = { endpoint: down, timeout: '300ms', maxRetries: 1, backoff: { initial: '10ms', max: '20ms' }, batch: { maxWait: '10ms' } };
    const sink = new OtlpSink(otlpConfigSchema.parse(config), testContext('otlp', { baseDir: tmp.dir, clock: systemClock }));
    await sink.start();
    await sink.export(ruleAFindings(4));
    await sink.shutdown();
    const stats = sink.stats();
    expect(stats).toMatchObject({ accepted: 4, delivered: 0, deadLettered: 4, queued: 0, retried: 1 });
    const reason = JSON.parse((await readFile(sink.deadLetterPath, 'utf8')).split('\n')[0] as string).reason;
    expect(reason).toMatch(/ECONNREFUSED/);

    const receiver = await OtlpHttpReceiver.start();
    closers.push(() => receiver.close());
    const report = await redeliverOtlpDeadLetters(sink.deadLetterPath, {
      config: { ...config, endpoint: receiver.endpoint },
      context: testContext('otlp', { baseDir: tmp.dir, clock: systemClock }),
    });
    expect(report).toMatchObject({ read: 4, delivered: 4, deadLettered: 0 });
    expect(receiver.acceptedRecords().map((r) => r.attributes['log.record.uid'])).toEqual(ruleAFindings(4).map((f) => f.id));
  });

  it('speaks TLS to an https endpoint, verifying it against tls.ca (http/protobuf and grpc)', async () => {
    const [cert, key] = await Promise.all([readFile(`${tlsDir}server.crt`), readFile(`${tlsDir}server.key`)]);
    const http = await OtlpHttpReceiver.start({ cert, key });
    const grpc = await OtlpGrpcReceiver.start({ cert, key });
    closers.push(() => http.close(), () => grpc.close());
    const deliver = async (config: Record<string, unknown>) => {
      const sink = new OtlpSink(
        otlpConfigSchema.parse({ maxRetries: 0, timeout: '2s', batch: { maxWait: '10ms' }, ...config }),
        testContext('otlp/tls', { baseDir: tlsDir, clock: systemClock }),
      );
      await sink.start();
      await sink.export(ruleAFindings(1));
      await sink.shutdown();
      return sink.stats();
    };
    const deadLetter = `${tmp.dir}/dl.jsonl`;
    // By name, as TLS clients should (RFC 6066 forbids an IP address as server name); the certificate covers both.
    const byName = (endpoint: string) => endpoint.replace('127.0.0.1', 'localhost');

    expect(await deliver({ endpoint: byName(http.endpoint), tls: { ca: 'ca.crt' }, deadLetter })).toMatchObject({ delivered: 1 });
    expect(await deliver({ endpoint: byName(grpc.endpoint), protocol: 'grpc', tls: { ca: 'ca.crt' }, deadLetter })).toMatchObject({ delivered: 1 });
    expect(http.acceptedRecords()).toHaveLength(1);
    expect(grpc.acceptedRecords()).toHaveLength(1);

    // Without the CA, the system roots do not know the test CA: nothing is accepted.
    expect(await deliver({ endpoint: byName(http.endpoint), deadLetter })).toMatchObject({ delivered: 0, deadLettered: 1 });
    expect(http.requests).toHaveLength(1);
  });
});

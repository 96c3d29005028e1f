import { gzipSync } from 'node:zlib';
import { systemClock } from '@jackwatch/core';
import type { CloudTrailRecord } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { MAX_WHOLE_OBJECT_SIZE } from './object-reader.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { startFaultyProxy, type FaultyProxy } from './testdata/faulty-proxy.ts';
import { batchLocation, drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const place = { account: '666666666666', region: 'eu-west-1' };
const PAD = 'x'.repeat(600);
const records = (prefix: string, count: number, minute: number): CloudTrailRecord[] =>
  Array.from({ length: count }, (_, i) => ({
    ...cloudTrailRecord({ eventId: `${prefix}-${i}`, time: START + minute * 60_000 + i, action: 'InvokeModel', region: place.region, identity: iamUser({ account: place.account }) }),
    requestParameters: { modelId: 'anthropic.claude-3-haiku', pad: PAD },
  }));

let emulator: Emulator;
let proxy: FaultyProxy;
const cut = new Set<string>();
beforeAll(async () => {
  emulator = await startEmulator();
  // The first download of each object whose key names "cut" drops its connection a third of the way in.
  proxy = await startFaultyProxy(emulator.endpoint, {
    cutAfter: (method, path) => {
      if (method !== 'GET' || !path.includes('cut') || cut.has(path)) return undefined;
      cut.add(path);
      return 15_000_000;
    },
  });
}, 60_000);
afterAll(async () => {
  await proxy?.close();
  await emulator?.stop();
});

describe('s3 source: an object too large to hold is handed on in parts', () => {
  it('streamed from its compressed bytes or as it downloads, in batches of at most 10,000 events, acked once, resumed after a dropped connection without loss or duplicates', { timeout: 180_000 }, async () => {
    const inflating = records('gz', 60_000, 1);
    const large = records('cut', 60_000, 2);
    const inflatingKey = trailFile(place, START + 5 * 60_000).key;
    const largeKey = trailFile(place, START + 10 * 60_000).key.replace('.json.gz', '_cut.json');
    const largeJson = JSON.stringify({ Records: large });
    expect(largeJson.length).toBeGreaterThan(MAX_WHOLE_OBJECT_SIZE);
    await emulator.createBucket('large-objects');
    await emulator.putObject('large-objects', inflatingKey, gzipSync(JSON.stringify({ Records: inflating })));
    await emulator.putObject('large-objects', largeKey, largeJson);

    const config = s3SourceConfigSchema.parse({ bucket: 'large-objects', startTime: '2026-10-01', once: true, endpoint: proxy.endpoint, region: TEST_REGION });
    const context = testContext('s3/large', { clock: systemClock, interest: [{ eventSource: 'bedrock.amazonaws.com' }] });
    const batches = await drain(new S3Source(config, context, { credentials: TEST_CREDENTIALS }).read(new AbortController().signal));

    expect(batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual([...inflating, ...large].map((r) => r.eventID));
    expect(batches.every((b) => b.events.length <= 10_000)).toBe(true);
    for (const key of [inflatingKey, largeKey]) {
      const ofObject = batches.filter((b) => batchLocation(b) === `s3://large-objects/${key}`);
      expect(ofObject.length).toBeGreaterThanOrEqual(6);
      // Only the last batch of an object acknowledges it: a crash before it reads the object again.
      expect(ofObject.map((b) => b.ack !== undefined)).toEqual(ofObject.map((_, i) => i === ofObject.length - 1));
    }
    expect(cut.size).toBe(1);
    expect(context.errors.rejections).toEqual([]);
    expect(context.errors.errors).toEqual([]);
  });

  it('downloads `concurrency` objects at once, small and large alike, and still yields them in order', { timeout: 120_000 }, async () => {
    await emulator.createBucket('many-objects');
    const keys: string[] = [];
    for (let i = 0; i < 8; i++) {
      const file = trailFile(place, START + (i + 1) * 5 * 60_000, 0, records(`o${i}`, 3, i));
      keys.push(file.key);
      await emulator.putObject('many-objects', file.key, file.body);
    }
    // Each download answered after 300 ms: a reader that opened one object at a time would never have two waiting.
    const slow = await startFaultyProxy(emulator.endpoint, { delay: (method, path) => (method === 'GET' && path.includes('/AWSLogs/') ? 300 : undefined) });
    try {
      const config = s3SourceConfigSchema.parse({ bucket: 'many-objects', startTime: '2026-10-01', once: true, concurrency: 4, endpoint: slow.endpoint, region: TEST_REGION });
      const context = testContext('s3/many', { clock: systemClock, interest: [{ eventSource: 'bedrock.amazonaws.com' }] });
      const batches = await drain(new S3Source(config, context, { credentials: TEST_CREDENTIALS }).read(new AbortController().signal));
      expect(batches.map((b) => batchLocation(b))).toEqual(keys.map((key) => `s3://many-objects/${key}`));
      expect(slow.mostDelayedAtOnce).toBeGreaterThanOrEqual(3);
      expect(slow.mostDelayedAtOnce).toBeLessThanOrEqual(4);
    } finally {
      await slow.close();
    }
  });
});

import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  DELIVERY_FILE,
  PUBLIC_CORPUS,
  deliveryDocument,
  deliveryFileRecords,
  drain,
  eventsOf,
  ndjson,
  put,
  startedSource,
  tempDir,
  testSetup,
} from './testdata/harness.ts';

describe('file source: formats and paths', () => {
  it('reads .json, .json.gz, .ndjson, .jsonl and gzipped NDJSON from a directory tree, recursively', async () => {
    const dir = await tempDir();
    await put(dir, 'a/delivery.json', deliveryDocument(0, 2, 'json'));
    await put(dir, 'a/b/delivery.json.gz', deliveryDocument(0, 2, 'jsongz'));
    await put(dir, 'a/b/c/lines.ndjson', ndjson(0, 2, 'ndjson'));
    await put(dir, 'lines.jsonl', ndjson(0, 2, 'jsonl'));
    await put(dir, 'd/lines.ndjson.gz', ndjson(0, 2, 'ndjsongz'));
    await put(dir, 'd/lines.jsonl.gz', ndjson(0, 2, 'jsonlgz'));
    const setup = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['.'] }, setup)));
    expect(events.map((e) => e.eventId).sort()).toEqual(
      ['json', 'jsongz', 'ndjson', 'jsonl', 'ndjsongz', 'jsonlgz'].flatMap((p) => [`${p}-0`, `${p}-1`]).sort(),
    );
    const ndjsonEvent = events.find((e) => e.eventId === 'ndjson-1')!;
    expect(ndjsonEvent.origin).toEqual({ source: 'file', location: join(dir, 'a/b/c/lines.ndjson'), index: 2 });
    const gzEvent = events.find((e) => e.eventId === 'jsongz-1')!;
    expect(gzEvent.origin).toEqual({ source: 'file', location: join(dir, 'a/b/delivery.json.gz'), index: 1 });
    expect(setup.errors.rejections).toEqual([]);
    expect(setup.telemetry.total('jackwatch.source.files.read')).toBe(6);
  });

  it('decodes the hand-written delivery file completely', async () => {
    const dir = await tempDir();
    await copyFile(DELIVERY_FILE, join(dir, 'delivery.json'));
    const events = eventsOf(await drain(await startedSource({ paths: [dir] }, testSetup(dir))));
    const records = await deliveryFileRecords();
    expect(events.map((e) => e.raw)).toEqual(records);
    expect(events.map((e) => [e.action, e.outcome, e.accessKeyId])).toEqual([
      ['ListFoundationModels', 'success', 'AKIAEXAMPLE000000001'],
      ['InvokeModel', 'success', 'AKIAEXAMPLE000000001'],
      ['GetObject', 'success', 'ASIAEXAMPLE000000002'],
      ['DeleteModelInvocationLoggingConfiguration', 'failure', 'AKIAEXAMPLE000000001'],
    ]);
  });

  it('skips CloudTrail digest files and names it does not include, and honours custom include/exclude', async () => {
    const dir = await tempDir();
    await put(dir, 'AWSLogs/1/CloudTrail/us-east-1/f.json.gz', deliveryDocument(0, 1, 'trail'));
    await put(dir, 'AWSLogs/1/CloudTrail-Digest/us-east-1/f.json.gz', JSON.stringify({ digestEndTime: '2024-10-17T20:00:00Z' }));
    await put(dir, 'notes.txt', 'not a log');
    await put(dir, 'archive/old.json', deliveryDocument(0, 1, 'old'));
    await put(dir, 'events.log', ndjson(0, 1, 'log'));

    const defaults = testSetup(dir);
    expect(eventsOf(await drain(await startedSource({ paths: ['.'] }, defaults))).map((e) => e.eventId).sort()).toEqual(['old-0', 'trail-0']);
    expect(defaults.errors.rejections).toEqual([]);

    const custom = testSetup(dir);
    const events = eventsOf(await drain(await startedSource({ paths: ['.'], include: ['*.log', '*.json', '*.json.gz'], exclude: ['archive/**', '**/CloudTrail-Digest/**'] }, custom)));
    expect(events.map((e) => e.eventId).sort()).toEqual(['log-0', 'trail-0']);
  });

  it('expands globs and reads an explicitly named file whatever its extension', async () => {
    const dir = await tempDir();
    await put(dir, 'logs/2024/a.json.gz', deliveryDocument(0, 1, 'a'));
    await put(dir, 'logs/2024/b.json', deliveryDocument(0, 1, 'b'));
    await put(dir, 'logs/2025/c.json.gz', deliveryDocument(0, 1, 'c'));
    await put(dir, 'extra/events.log', ndjson(0, 1, 'explicit'));
    const events = eventsOf(await drain(await startedSource({ paths: ['logs/**/*.json.gz', 'extra/events.log'] }, testSetup(dir))));
    expect(events.map((e) => e.eventId).sort()).toEqual(['a-0', 'c-0', 'explicit-0']);
  });

  it('reads each file once even when several paths entries select it', async () => {
    const dir = await tempDir();
    await put(dir, 'logs/a.json', deliveryDocument(0, 2));
    const events = eventsOf(await drain(await startedSource({ paths: ['logs', 'logs/*.json', 'logs/a.json'] }, testSetup(dir))));
    expect(events.map((e) => e.eventId)).toEqual(['evt-0', 'evt-1']);
  });

  it('yields files by the timestamp in their CloudTrail names, interleaving accounts and regions', async () => {
    const dir = await tempDir();
    const name = (account: string, region: string, stamp: string): string =>
      `AWSLogs/${account}/CloudTrail/${region}/2024/10/17/${account}_CloudTrail_${region}_${stamp}_x1.json.gz`;
    // Path order would walk account 1 (both regions) before account 2: hours out of event order.
    await put(dir, name('111111111111', 'eu-west-1', '20241017T2010Z'), deliveryDocument(0, 1, 'p2'));
    await put(dir, name('111111111111', 'us-east-1', '20241017T2030Z'), deliveryDocument(0, 1, 'p4'));
    await put(dir, name('111111111111', 'us-east-1', '20241017T2000Z'), deliveryDocument(0, 1, 'p1'));
    await put(dir, name('222222222222', 'us-east-1', '20241017T2020Z'), deliveryDocument(0, 1, 'p3'));
    await put(dir, 'manual/extra.ndjson', ndjson(0, 1, 'p5'));
    const batches = await drain(await startedSource({ paths: ['.'] }, testSetup(dir)));
    expect(batches.map((b) => b.events[0]?.eventId)).toEqual(['p1-0', 'p2-0', 'p3-0', 'p4-0', 'p5-0']);
  });

  it('splits a whole file into batches of at most batchSize events', async () => {
    const dir = await tempDir();
    await put(dir, 'big.json.gz', deliveryDocument(0, 25));
    const batches = await drain(await startedSource({ paths: ['.'], batchSize: 10 }, testSetup(dir)));
    expect(batches.map((b) => b.events.length)).toEqual([10, 10, 5]);
    expect(eventsOf(batches).map((e) => e.origin.index)).toEqual([...Array(25).keys()]);
    expect(batches.reduce((sum, b) => sum + (b.bytes ?? 0), 0)).toBe(gzipSync(deliveryDocument(0, 25)).length);
  });

  describe.skipIf(PUBLIC_CORPUS === undefined)('public corpus (skipped when ../shared/data is absent)', () => {
    it('decodes all 414 records of the combined real corpus, whole and streamed', async () => {
      const corpus = PUBLIC_CORPUS!;
      const records = (JSON.parse(gunzipSync(await readFile(corpus)).toString('utf8')) as { Records: unknown[] }).Records;
      for (const maxWholeFileSize of ['64MiB', '4KiB']) {
        const setup = testSetup(process.cwd());
        const events = eventsOf(await drain(await startedSource({ paths: [corpus], maxWholeFileSize, batchSize: 100 }, setup)));
        expect(events).toHaveLength(414);
        expect(events.map((e) => e.raw)).toEqual(records);
        expect(setup.errors.rejections).toEqual([]);
      }
    });
  });
});

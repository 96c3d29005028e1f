import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { cloudTrailRecord } from '../testing/cloudtrail-record.ts';
import { loadFixtureEvents } from './load-fixture-events.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));
const tempDir = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'jackwatch-fixture-'));
  made.push(dir);
  return dir;
};
const record = (i: number) => cloudTrailRecord({ time: T0 + i * 1000, action: 'InvokeModel', seed: `fixture-${i}` });

describe('loadFixtureEvents', () => {
  it('reads delivery files, NDJSON, JSON arrays and EventBridge envelopes, gzipped or not, in file-name order', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a-delivery.json.gz'), gzipSync(JSON.stringify({ Records: [record(0), record(1)] })));
    await writeFile(join(dir, 'b.ndjson'), `${JSON.stringify(record(2))}\n${JSON.stringify({ 'detail-type': 'AWS API Call via CloudTrail', detail: record(3) })}\n`);
    await writeFile(join(dir, 'c-array.json'), JSON.stringify([record(4)]));
    await writeFile(join(dir, 'case.yaml'), 'not: events\n');
    const events = await loadFixtureEvents(dir);
    expect(events.map((e) => e.eventId)).toEqual([0, 1, 2, 3, 4].map((i) => record(i).eventID));
    expect(events[2]!.origin).toEqual({ source: 'fixture', location: join(dir, 'b.ndjson'), index: 1 });
    expect((await loadFixtureEvents(join(dir, 'b.ndjson'))).map((e) => e.action)).toEqual(['InvokeModel', 'InvokeModel']);
  });

  it('fails on any record the decoders would reject, naming the file and line', async () => {
    const dir = await tempDir();
    const file = join(dir, 'bad.ndjson');
    await writeFile(file, `${JSON.stringify(record(0))}\n{"eventSource":"bedrock.amazonaws.com","eventName":"InvokeModel"}\n{oops\n`);
    await expect(loadFixtureEvents(file)).rejects.toThrow(`${file}#2: bedrock.amazonaws.com InvokeModel has no eventTime`);
    await expect(loadFixtureEvents(file)).rejects.toThrow(`${file}#3: line is not JSON`);
    await expect(loadFixtureEvents(join(dir, 'missing.json'))).rejects.toThrow(/ENOENT/);
  });
});

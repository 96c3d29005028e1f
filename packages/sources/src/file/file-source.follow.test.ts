import { appendFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ManualClock } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { deliveryDocument, ndjson, put, startedSource, tempDir, testSetup, trailRecord, nextEvents } from './testdata/harness.ts';


describe('file source: follow', () => {
  it('picks up a file that appears later, and stops cleanly on abort', async () => {
    const dir = await tempDir();
    const incoming = await tempDir();
    await put(dir, 'AWSLogs/1/CloudTrail/us-east-1/a.json.gz', deliveryDocument(0, 2, 'a'));
    const setup = testSetup(dir);
    const source = await startedSource({ paths: ['AWSLogs'], follow: true, pollInterval: '20ms' }, setup);
    const abort = new AbortController();
    const batches = source.read(abort.signal)[Symbol.asyncIterator]();

    expect((await nextEvents(batches)).events.map((e) => e.eventId)).toEqual(['a-0', 'a-1']);
    // Written elsewhere, then renamed into place: how delivery tools publish files atomically.
    const staged = await put(incoming, 'b.json.gz', deliveryDocument(0, 1, 'b'));
    await rename(staged, join(dir, 'AWSLogs/1/CloudTrail/us-east-1/b.json.gz'));
    expect((await nextEvents(batches)).events.map((e) => e.eventId)).toEqual(['b-0']);

    const pending = batches.next();
    abort.abort();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(setup.errors.rejections).toEqual([]);
    expect(setup.errors.errors).toEqual([]);
    await source.shutdown();
  });

  it('reads lines appended to an NDJSON file, holding a half-written last line until it is complete', async () => {
    const dir = await tempDir();
    const path = await put(dir, 'live.ndjson', ndjson(0, 2));
    const clock = new ManualClock();
    const setup = testSetup(dir, { clock });
    const source = await startedSource({ paths: ['.'], follow: true }, setup);
    const abort = new AbortController();
    const batches = source.read(abort.signal)[Symbol.asyncIterator]();
    expect((await nextEvents(batches)).events.map((e) => e.eventId)).toEqual(['evt-0', 'evt-1']);

    const appended = nextEvents(batches);
    await clock.whenSleeping();
    const line = JSON.stringify(trailRecord(2));
    await appendFile(path, line.slice(0, 100)); // the writer is mid-line when the next poll comes
    clock.wakeSleepers();
    await clock.whenSleeping(); // that poll is over: the half line was seen, and held
    expect(setup.errors.rejections).toEqual([]);
    await appendFile(path, `${line.slice(100)}\n${JSON.stringify(trailRecord(3))}\n`);
    clock.wakeSleepers();
    expect((await appended).events.map((e) => [e.eventId, e.origin.index])).toEqual([['evt-2', 3], ['evt-3', 4]]);
    expect(setup.errors.rejections).toEqual([]);
    abort.abort();
    await expect(batches.next()).resolves.toMatchObject({ done: true });
  });

  it('reports a vanished file once across polls, and reads it when it comes back', async () => {
    const dir = await tempDir();
    const path = await put(dir, 'rotating.json', deliveryDocument(0, 1, 'first'));
    const clock = new ManualClock();
    const setup = testSetup(dir, { clock });
    const source = await startedSource({ paths: [path], follow: true }, setup);
    await rm(path);
    const abort = new AbortController();
    const batches = source.read(abort.signal)[Symbol.asyncIterator]();
    const back = nextEvents(batches);
    for (let poll = 0; poll < 3; poll++) {
      await clock.whenSleeping();
      clock.wakeSleepers();
    }
    await clock.whenSleeping();
    expect(setup.errors.rejections.map((r) => [r.reason, r.origin.location])).toEqual([['unreadable', path]]);
    await put(dir, 'rotating.json', deliveryDocument(0, 1, 'second'));
    clock.wakeSleepers();
    expect((await back).events.map((e) => e.eventId)).toEqual(['second-0']);
    abort.abort();
    await batches.return?.(undefined);
  });

  it('stops following when shut down', async () => {
    const dir = await tempDir();
    await put(dir, 'a.json', deliveryDocument(0, 1));
    const source = await startedSource({ paths: ['.'], follow: true, pollInterval: '10s' }, testSetup(dir));
    const batches = source.read(new AbortController().signal)[Symbol.asyncIterator]();
    await nextEvents(batches);
    const pending = batches.next(); // now sleeping for 10s
    await source.shutdown();
    await expect(pending).resolves.toMatchObject({ done: true });
  });
});

import { execFileSync } from 'node:child_process';
import { rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ManualClock } from '@jackwatch/core/testing';
import { METRICS, type CounterSet } from '@jackwatch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveryDocument, drain, eventsOf, put, startedSource, tempDir, testSetup, nextEvents } from './testdata/harness.ts';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function listenOn(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(path, resolve));
}

/** The skipped-entry counters: `reason path` → times reported. */
function skipped(telemetry: CounterSet): Record<string, number> {
  const counted: Record<string, number> = {};
  for (const c of telemetry.snapshot()) if (c.name === METRICS.entriesSkipped.name) counted[`${c.labels.reason} ${c.labels.path}`] = c.value;
  return counted;
}


describe('file source: entries that are not CloudTrail files', () => {
  it('reads every good file once and reports each bad entry once: a FIFO, a socket, an empty .json.gz, links that loop or repeat', async () => {
    const dir = await tempDir();
    await put(dir, 'AWSLogs/a.json.gz', deliveryDocument(0, 2, 'a'));
    await put(dir, 'AWSLogs/sub/b.json', deliveryDocument(0, 2, 'b'));
    execFileSync('mkfifo', [join(dir, 'AWSLogs/pipe.json')]);
    await listenOn(join(dir, 'AWSLogs/socket.json.gz'));
    await writeFile(join(dir, 'AWSLogs/empty.json.gz'), '');
    await writeFile(join(dir, 'AWSLogs/empty.ndjson'), ''); // appendable: nothing to read yet, nothing wrong
    await symlink('..', join(dir, 'AWSLogs/sub/loop'));
    await symlink(join(dir, 'AWSLogs/a.json.gz'), join(dir, 'AWSLogs/again.json.gz'));
    await symlink(join(dir, 'AWSLogs/sub'), join(dir, 'sub-again'));
    await symlink('self.json', join(dir, 'AWSLogs/self.json'));
    const setup = testSetup(dir);

    const events = eventsOf(await drain(await startedSource({ paths: ['AWSLogs', '.', 'AWSLogs/sub/b.json'] }, setup)));
    expect(events.map((e) => e.eventId).sort()).toEqual(['a-0', 'a-1', 'b-0', 'b-1']);
    expect(skipped(setup.telemetry)).toEqual({
      [`fifo ${join(dir, 'AWSLogs/pipe.json')}`]: 1,
      [`socket ${join(dir, 'AWSLogs/socket.json.gz')}`]: 1,
      [`empty ${join(dir, 'AWSLogs/empty.json.gz')}`]: 1,
      [`link-loop ${join(dir, 'AWSLogs/self.json')}`]: 1,
    });
    expect(setup.errors.rejections).toEqual([]);
    expect(setup.errors.errors).toEqual([]);
  });

  it('in follow mode reports a bad entry once however many polls see it, and reads an empty file once it has content', async () => {
    const dir = await tempDir();
    await put(dir, 'a.json', deliveryDocument(0, 1, 'a'));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    await writeFile(join(dir, 'late.json.gz'), '');
    const clock = new ManualClock();
    const setup = testSetup(dir, { clock });
    const source = await startedSource({ paths: ['.'], follow: true }, setup);
    const abort = new AbortController();
    const batches = source.read(abort.signal)[Symbol.asyncIterator]();
    expect((await nextEvents(batches)).events.map((e) => e.eventId)).toEqual(['a-0']);

    const later = nextEvents(batches);
    for (let poll = 0; poll < 3; poll++) {
      await clock.whenSleeping();
      clock.wakeSleepers();
    }
    await clock.whenSleeping();
    expect(skipped(setup.telemetry)).toEqual({ [`fifo ${join(dir, 'pipe.json')}`]: 1, [`empty ${join(dir, 'late.json.gz')}`]: 1 });

    await writeFile(join(dir, 'late.json.gz'), gzipSync(deliveryDocument(0, 1, 'late')));
    await rm(join(dir, 'pipe.json'));
    clock.wakeSleepers();
    expect((await later).events.map((e) => e.eventId)).toEqual(['late-0']);
    const rest = (async () => {
      for (let next = await batches.next(); next.done !== true; next = await batches.next()) await next.value.ack?.();
    })();
    execFileSync('mkfifo', [join(dir, 'pipe.json')]); // back after it was gone: a new problem, reported again
    await clock.whenSleeping();
    clock.wakeSleepers();
    await clock.whenSleeping();
    expect(skipped(setup.telemetry)).toEqual({ [`fifo ${join(dir, 'pipe.json')}`]: 2, [`empty ${join(dir, 'late.json.gz')}`]: 1 });
    abort.abort();
    await rest;
    await source.shutdown();
    expect(setup.errors.rejections).toEqual([]);
  });
});

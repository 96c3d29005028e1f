import { describe, expect, it } from 'vitest';
import { Handoff } from './handoff.ts';

describe('Handoff', () => {
  it('hands items over in order, each put resolving only once the consumer took it', async () => {
    const handoff = new Handoff<number>(new AbortController().signal);
    const taken: number[] = [];
    const producer = (async () => {
      for (let i = 0; i < 5; i++) {
        await handoff.put(i);
        // The consumer took i and has not asked for the next yet: the producer is at most one item ahead.
        expect(taken.length).toBeGreaterThanOrEqual(i);
      }
      handoff.close();
    })();
    for await (const item of handoff) taken.push(item);
    await producer;
    expect(taken).toEqual([0, 1, 2, 3, 4]);
  });

  it('ends the consumer with the producer’s failure, after the items put before it', async () => {
    const handoff = new Handoff<string>(new AbortController().signal);
    void handoff.put('a').then(() => handoff.fail(new Error('download broke')));
    const seen: string[] = [];
    await expect((async () => {
      for await (const item of handoff) seen.push(item);
    })()).rejects.toThrow('download broke');
    expect(seen).toEqual(['a']);
  });

  it('rejects the waiting and every later put once the consumer stops reading', async () => {
    const handoff = new Handoff<number>(new AbortController().signal);
    void handoff.put(1);
    for await (const item of handoff) {
      expect(item).toBe(1);
      break;
    }
    await expect(handoff.put(2)).rejects.toThrow('the consumer stopped reading');
  });

  it('rejects a put waiting for a consumer that never comes once the signal aborts, with its reason', async () => {
    const abort = new AbortController();
    const handoff = new Handoff<number>(abort.signal);
    const waiting = handoff.put(1);
    abort.abort(new Error('draining'));
    await expect(waiting).rejects.toThrow('draining');
    await expect(handoff.put(2)).rejects.toThrow('draining');
  });

  it('is ready once an item, the end or a failure is there, without taking it', async () => {
    const handoff = new Handoff<number>(new AbortController().signal);
    let ready = false;
    const waiting = handoff.ready().then(() => (ready = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ready).toBe(false);
    const put = handoff.put(7);
    await waiting;
    const taken: number[] = [];
    handoff.close();
    for await (const item of handoff) taken.push(item);
    await put;
    expect(taken).toEqual([7]);
    const failed = new Handoff<number>(new AbortController().signal);
    failed.fail(new Error('gone'));
    await failed.ready();
  });
});

import { describe, expect, it } from 'vitest';
import { mapOrdered } from './map-ordered.ts';
import { mergeSorted } from './merge-sorted.ts';

async function* from<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}
const collect = async <T>(items: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
};
const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapOrdered', () => {
  it('keeps input order while at most `concurrency` calls run', async () => {
    let running = 0;
    let peak = 0;
    const work = async (n: number): Promise<number> => {
      running++;
      peak = Math.max(peak, running);
      await delay((7 - (n % 7)) * 2);
      running--;
      return n * 10;
    };
    expect(await collect(mapOrdered(from([...Array(30).keys()]), 4, work))).toEqual([...Array(30).keys()].map((n) => n * 10));
    expect(peak).toBe(4);
  });

  it('throws the first failure in its turn, after the results before it', async () => {
    const seen: number[] = [];
    const failing = mapOrdered(from([1, 2, 3, 4]), 3, async (n) => {
      if (n === 3) throw new Error('three');
      return n;
    });
    await expect(
      (async () => {
        for await (const n of failing) seen.push(n);
      })(),
    ).rejects.toThrow('three');
    expect(seen).toEqual([1, 2]);
  });

  it('yields a finished result while the next input is still pending', async () => {
    let release: () => void = () => {};
    async function* slowSecond(): AsyncGenerator<number> {
      yield 1;
      await new Promise<void>((resolve) => (release = resolve));
      yield 2;
    }
    const iterator = mapOrdered(slowSecond(), 2, async (n) => n)[Symbol.asyncIterator]();
    expect(await iterator.next()).toEqual({ done: false, value: 1 });
    release();
    expect(await iterator.next()).toEqual({ done: false, value: 2 });
  });
});

describe('mergeSorted', () => {
  it('interleaves sorted sources into one sorted stream', async () => {
    const sources = [from([1, 4, 9, 12]), from([]), from([2, 3, 10]), from([0, 11, 13])];
    expect(await collect(mergeSorted(sources, (a, b) => a - b, 2))).toEqual([0, 1, 2, 3, 4, 9, 10, 11, 12, 13]);
  });

  it('pulls from a source only when its head was taken', async () => {
    const pulled: string[] = [];
    async function* tracked(name: string, items: number[]): AsyncGenerator<number> {
      for (const item of items) {
        pulled.push(`${name}${item}`);
        yield item;
      }
    }
    const merged = mergeSorted([tracked('a', [1, 5]), tracked('b', [2, 3])], (x, y) => x - y)[Symbol.asyncIterator]();
    expect((await merged.next()).value).toBe(1);
    expect(pulled).toEqual(['a1', 'b2']);
    expect((await merged.next()).value).toBe(2);
    expect(pulled).toEqual(['a1', 'b2', 'a5']);
  });
});

import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateOnce, WholeInflater } from './inflate-whole.ts';

const text = (n: number): string => JSON.stringify({ Records: Array.from({ length: n }, (_, i) => ({ i, pad: 'x'.repeat(i % 97) })) });

describe('WholeInflater', () => {
  it('inflates file after file into its reused buffer, each exactly', () => {
    const inflater = new WholeInflater();
    for (const n of [3, 2000, 1, 500]) expect(inflater.inflate(gzipSync(text(n))).toString()).toBe(text(n));
  });

  it('falls back when the trailer understates the size, and throws as gunzipSync on a cut stream', () => {
    const inflater = new WholeInflater();
    const gz = gzipSync(text(5000));
    const lying = Buffer.from(gz);
    lying.writeUInt32LE(100, lying.length - 4); // what a multi-member file or a size past 4 GiB looks like
    expect(() => inflater.inflate(lying)).toThrow(); // the trailer is checked, as gunzipSync does
    expect(() => inflater.inflate(gz.subarray(0, gz.length >> 1))).toThrow(/unexpected end of file/);
    // …and it keeps working after errors.
    expect(inflater.inflate(gzipSync(text(7))).toString()).toBe(text(7));
    expect(inflateOnce(gzipSync(text(9))).toString()).toBe(text(9));
  });

  it('inflates files made of several gzip members whole, even when the last trailer is far below the total', () => {
    const inflater = new WholeInflater();
    const two = Buffer.concat([gzipSync('a'.repeat(300_000)), gzipSync('b')]);
    expect(inflater.inflate(two).toString()).toBe(`${'a'.repeat(300_000)}b`);
  });
});

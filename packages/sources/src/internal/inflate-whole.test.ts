import { constants, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { announcedInflatedSize, inflateAtMost, WholeInflater } from './inflate-whole.ts';

const text = (n: number): string => JSON.stringify({ Records: Array.from({ length: n }, (_, i) => ({ i, pad: 'x'.repeat(i % 97) })) });
const LIMIT = 1024 * 1024;

// `bytes` with its gzip trailer saying it inflates to `size`: what a hostile file can write there.
function withTrailer(bytes: Buffer, size: number): Buffer {
  const lying = Buffer.from(bytes);
  lying.writeUInt32LE(size, lying.length - 4);
  return lying;
}

// 1 GiB of zeros in 16 gzip members of 64 MiB: about 1 MB of gzip, its trailer announcing 64 MiB.
const zeroMember = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
const gibibyteBomb = Buffer.concat(Array.from({ length: 16 }, () => zeroMember));

describe('WholeInflater', () => {
  it('inflates file after file into its reused buffer, each exactly', () => {
    const inflater = new WholeInflater(LIMIT);
    for (const n of [3, 2000, 1, 500]) expect(inflater.inflate(gzipSync(text(n)))?.toString()).toBe(text(n));
  });

  it('falls back when the trailer understates the size, and throws as gunzipSync on a cut stream', () => {
    const inflater = new WholeInflater(LIMIT);
    const gz = gzipSync(text(5000));
    expect(() => inflater.inflate(withTrailer(gz, 100))).toThrow(); // the trailer is checked, as gunzipSync does
    expect(() => inflater.inflate(gz.subarray(0, gz.length >> 1))).toThrow(/unexpected end of file/);
    // …and it keeps working after errors.
    expect(inflater.inflate(gzipSync(text(7)))?.toString()).toBe(text(7));
  });

  it('inflates files made of several gzip members whole, even when the last trailer is far below the total', () => {
    const inflater = new WholeInflater(LIMIT);
    const two = Buffer.concat([gzipSync('a'.repeat(300_000)), gzipSync('b')]);
    expect(inflater.inflate(two)?.toString()).toBe(`${'a'.repeat(300_000)}b`);
  });

  it('inflates exactly maxInflatedSize bytes, and gives up on more, whatever the trailer says', () => {
    const inflater = new WholeInflater(LIMIT);
    const exact = gzipSync(Buffer.alloc(LIMIT, 'a'));
    expect(inflater.inflate(exact)?.length).toBe(LIMIT);
    expect(inflater.inflate(gzipSync(Buffer.alloc(LIMIT + 1, 'a')))).toBeUndefined();
    expect(() => inflater.inflate(withTrailer(exact, 1000))).toThrow(/length/); // a wrong trailer on a file within the limit is damage…
    expect(inflater.inflate(withTrailer(gzipSync(Buffer.alloc(2 * LIMIT, 'a')), 1000))).toBeUndefined(); // …past it, the file is given up before the trailer
    expect(inflater.inflate(Buffer.concat([exact, gzipSync('b')]))).toBeUndefined();
  });

  it('gives up on a 1 GiB bomb whose trailers announce less, or whose last member is tiny, and stays usable', () => {
    const inflater = new WholeInflater(LIMIT);
    expect(gibibyteBomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(announcedInflatedSize(gibibyteBomb)).toBe(64 * 1024 * 1024);
    expect(inflater.inflate(gibibyteBomb)).toBeUndefined();
    expect(inflater.inflate(withTrailer(gibibyteBomb, 2 * 1024 * 1024))).toBeUndefined(); // says 2 MiB: about its own size
    expect(inflater.inflate(Buffer.concat([gibibyteBomb, gzipSync(' '.repeat(100))]))).toBeUndefined();
    expect(inflater.inflate(gibibyteBomb.subarray(0, gibibyteBomb.length - 100))).toBeUndefined(); // cut: past the limit before the cut
    expect(inflater.inflate(gzipSync(text(9)))?.toString()).toBe(text(9));
  });
});

describe('inflateAtMost', () => {
  it('returns the bytes up to the limit, `undefined` past it, and what a cut stream holds with Z_SYNC_FLUSH', () => {
    const gz = gzipSync(text(300));
    expect(inflateAtMost(gz, LIMIT)?.toString()).toBe(text(300));
    expect(inflateAtMost(gz, text(300).length)?.toString()).toBe(text(300));
    expect(inflateAtMost(gz, text(300).length - 1)).toBeUndefined();
    expect(inflateAtMost(gibibyteBomb, LIMIT)).toBeUndefined();
    const cut = gz.subarray(0, gz.length >> 1);
    expect(() => inflateAtMost(cut, LIMIT)).toThrow(/unexpected end of file/);
    expect(text(300).startsWith(inflateAtMost(cut, LIMIT, constants.Z_SYNC_FLUSH)!.toString())).toBe(true);
    expect(inflateAtMost(gibibyteBomb.subarray(0, gibibyteBomb.length >> 1), LIMIT, constants.Z_SYNC_FLUSH)).toBeUndefined();
  });
});

import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trailerApart } from './trailer-apart.ts';

async function collect(chunks: readonly Uint8Array[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of trailerApart((async function* () { yield* chunks; })())) out.push(chunk);
  return out;
}

describe('trailerApart', () => {
  it('passes any chunking through unchanged, with the last 8 bytes alone in the last chunk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat({ max: 200 }), { maxLength: 20 }), async (bytes, points) => {
        const cuts = [...new Set([0, ...points.map((p) => p % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
        const chunks = cuts.slice(1).map((cut, i) => bytes.subarray(cuts[i], cut));
        const out = await collect(chunks);
        expect(Buffer.concat(out).equals(Buffer.from(bytes))).toBe(true);
        if (bytes.length >= 8) expect(out.at(-1)!.equals(Buffer.from(bytes.subarray(bytes.length - 8)))).toBe(true);
        else expect(out.length).toBeLessThanOrEqual(1);
        expect(out.every((chunk) => chunk.length > 0)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('splits a real gzip file just before its trailer', async () => {
    const gz = gzipSync('x'.repeat(10_000));
    const out = await collect([gz]);
    expect(out.map((c) => c.length)).toEqual([gz.length - 8, 8]);
  });
});

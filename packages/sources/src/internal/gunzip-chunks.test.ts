import fc from 'fast-check';
import { createReadStream } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gunzipChunks, trailerApart } from './gunzip-chunks.ts';

async function collect(chunks: readonly Uint8Array[]): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for await (const chunk of trailerApart((async function* () { yield* chunks; })())) out.push(chunk);
  return out;
}

// What gunzipChunks delivers from a real file before it ends, and the error it ends with.
async function gunzipFile(bytes: Buffer): Promise<{ text: string; error: { code: unknown; message: string } | undefined }> {
  const path = join(await mkdtemp(join(tmpdir(), 'jw-gunzip-')), 'file.gz');
  await writeFile(path, bytes);
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of gunzipChunks(createReadStream(path, { highWaterMark: 1024 }), 64 * 1024)) chunks.push(chunk);
  } catch (error) {
    const { code, message } = error as { code?: unknown; message: string };
    return { text: Buffer.concat(chunks).toString(), error: { code, message } };
  }
  return { text: Buffer.concat(chunks).toString(), error: undefined };
}

const text = JSON.stringify({ Records: Array.from({ length: 300 }, (_, i) => ({ i, note: `padding ${i * 7919}`.repeat(1 + (i % 5)) })) });
const gz = gzipSync(text);

describe('gunzipChunks', () => {
  it('inflates a whole file, one of several members, and one followed by zero padding', async () => {
    expect(await gunzipFile(gz)).toEqual({ text, error: undefined });
    expect(await gunzipFile(Buffer.concat([gz, gzipSync('!')]))).toEqual({ text: `${text}!`, error: undefined });
    expect(await gunzipFile(Buffer.concat([gz, Buffer.alloc(100)]))).toEqual({ text, error: undefined });
  });

  it('delivers every byte before a trailer whose size or checksum does not match, then the damage', async () => {
    const badLength = Buffer.from(gz);
    badLength.writeUInt32LE(1, gz.length - 4);
    const badCrc = Buffer.from(gz);
    badCrc.writeUInt32LE(gz.readUInt32LE(gz.length - 8) ^ 1, gz.length - 8);
    expect(await gunzipFile(badLength)).toEqual({ text, error: { code: 'Z_DATA_ERROR', message: 'incorrect length check' } });
    expect(await gunzipFile(badCrc)).toEqual({ text, error: { code: 'Z_DATA_ERROR', message: 'incorrect data check' } });
  });

  it('delivers everything a cut stream holds — what gunzipSync salvages with Z_SYNC_FLUSH — and reports the cut', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 11, max: gz.length - 1 }), async (at) => {
        const cut = gz.subarray(0, at);
        const salvaged = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString();
        expect(await gunzipFile(cut)).toEqual({ text: salvaged, error: { code: 'Z_BUF_ERROR', message: 'unexpected end of file' } });
      }),
      { numRuns: 60 },
    );
    // Cut inside the trailer too: its last byte (the size's high byte) is 0 here, what the pad byte is.
    for (let at = gz.length - 12; at < gz.length; at++) {
      const salvaged = gunzipSync(gz.subarray(0, at), { finishFlush: constants.Z_SYNC_FLUSH }).toString();
      expect({ at, ...(await gunzipFile(gz.subarray(0, at))) }).toEqual({ at, text: salvaged, error: { code: 'Z_BUF_ERROR', message: 'unexpected end of file' } });
    }
  });

  it('reports damaged data as it is, with what came before it', async () => {
    const damaged = Buffer.from(gz);
    damaged.fill(0x55, gz.length >> 1, (gz.length >> 1) + 50);
    const { text: partial, error } = await gunzipFile(damaged);
    expect(error?.code).toBe('Z_DATA_ERROR');
    expect(text.startsWith(partial)).toBe(true);
  });
});

describe('trailerApart', () => {
  it('passes any chunking through unchanged, with the last 8 bytes alone in the last chunk', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat({ max: 200 }), { maxLength: 20 }), async (bytes, points) => {
        const cuts = [...new Set([0, ...points.map((p) => p % (bytes.length + 1)), bytes.length])].sort((a, b) => a - b);
        const out = await collect(cuts.slice(1).map((cut, i) => bytes.subarray(cuts[i], cut)));
        expect(Buffer.concat(out).equals(Buffer.from(bytes))).toBe(true);
        expect(out.every((chunk) => chunk.length > 0)).toBe(true);
        if (bytes.length >= 8) expect([...out.at(-1)!]).toEqual([...bytes.subarray(-8)]);
        else expect(out.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });
});

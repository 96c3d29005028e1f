import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Rejection, TrailEvent } from '@jackwatch/core';
import { decodeNdjson } from '@jackwatch/core/decode';
import { BodyByteSource } from '../s3/body-byte-source.ts';
import type { FileChunk, StreamPlan } from './file-chunk.ts';
import { readLineStream } from './line-stream-reader.ts';

const LIMIT = 300;
const where = { source: 'file', location: 'lines.ndjson' };

const record = (id: string, prompt: string): string =>
  JSON.stringify({ eventVersion: '1.09', eventTime: '2026-11-20T09:00:00Z', eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', eventID: id, awsRegion: 'us-east-1', requestParameters: { prompt } });

// Lines of every kind a reader meets: records with multi-byte characters (split between chunks by the cuts), blank and
// padded lines, CRLF endings, broken JSON, lines just under and over the limit.
const lineArbitrary = fc.oneof(
  fc.tuple(fc.nat(), fc.string({ unit: fc.constantFrom('a', 'é', '€', '😀', '"', '\\', ' '), maxLength: 40 })).map(([n, prompt]) => record(`r${n}`, prompt)),
  fc.constantFrom('', '   ', '\r', '{"eventVersion":', 'not json', '[1,2]'),
  fc.tuple(fc.nat(), fc.integer({ min: LIMIT - 200, max: LIMIT + 200 })).map(([n, size]) => record(`big${n}`, '€'.repeat(Math.max(0, size - 170) / 3))),
  fc.nat().map((n) => `${record(`crlf${n}`, 'x')}\r`),
);

// `bytes` cut at `points` (any positions, repeated or not): the chunks a download or a gunzip stream delivers.
function cutAt(bytes: Buffer, points: readonly number[]): Buffer[] {
  const cuts = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    chunks.push(bytes.subarray(from, cut));
    from = cut;
  }
  chunks.push(bytes.subarray(from));
  return chunks.filter((c) => c.length > 0);
}

interface Read {
  readonly events: [string, unknown][];
  readonly rejections: Rejection[];
  readonly last: FileChunk;
}

async function readChunks(chunks: readonly Buffer[], batchSize: number): Promise<Read> {
  const rejections: Rejection[] = [];
  const plan: StreamPlan = {
    source: where.source, batchSize, maxRecordSize: LIMIT, needles: undefined, holdPartialLine: false, resume: undefined,
    reject: (rejection) => rejections.push(rejection), countPrefiltered: () => {},
  };
  const events: TrailEvent[] = [];
  let last: FileChunk | undefined;
  for await (const chunk of readLineStream(new BodyByteSource(chunks), where.location, { size: 0, mtimeMs: 0 }, plan, { offset: 0, line: 1, trackOffset: true })) {
    events.push(...chunk.events);
    last = chunk;
  }
  return { events: events.map((e) => [e.eventId, e.origin.index]), rejections, last: last! };
}

describe('readLineStream', () => {
  it('reads text cut into any chunks exactly as core decodes the whole text, with the position after its last line', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(lineArbitrary, { maxLength: 30 }), fc.boolean(), fc.array(fc.nat(), { maxLength: 40 }), fc.integer({ min: 1, max: 4 }), async (lines, endsWithNewline, points, batchSize) => {
        const text = lines.join('\n') + (endsWithNewline && lines.length > 0 ? '\n' : '');
        const bytes = Buffer.from(text);
        const whole = decodeNdjson(text, where, 1, undefined, { maxRecordSize: LIMIT });
        const read = await readChunks(cutAt(bytes, points), batchSize);
        expect(read.events).toEqual(whole.events.map((e) => [e.eventId, e.origin.index]));
        expect(read.rejections).toEqual(whole.rejections);
        const lineCount = text === '' ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
        expect(read.last).toMatchObject({ last: true, progress: { next: lineCount + 1, offset: bytes.length } });
      }),
      { numRuns: 300 },
    );
  });

  it('reads a line of 40 times the limit delivered a byte at a time as one oversized line, and the line after it', async () => {
    const long = record('long', 'x'.repeat(40 * LIMIT));
    const bytes = Buffer.from(`${long}\n${record('after', 'y')}\n`);
    const read = await readChunks(cutAt(bytes, Array.from({ length: bytes.length }, (_, i) => i)), 1000);
    expect(read.events).toEqual([['after', 2]]);
    expect(read.rejections.map((r) => [r.reason, r.origin.index])).toEqual([['malformed-json', 1]]);
    expect(read.rejections[0]!.message).toContain(`line is ${Buffer.byteLength(long)} bytes, longer than maxRecordSize (${LIMIT} bytes)`);
  });

  it('keeps a line exactly at the limit that arrives in single bytes', async () => {
    const base = record('edge', '');
    const edge = record('edge', 'z'.repeat(LIMIT - Buffer.byteLength(base)));
    expect(Buffer.byteLength(edge)).toBe(LIMIT);
    const bytes = Buffer.from(edge); // unterminated: the last line of a file
    const read = await readChunks(cutAt(bytes, Array.from({ length: bytes.length }, (_, i) => i)), 1000);
    expect(read).toMatchObject({ events: [['edge', 1]], rejections: [], last: { progress: { next: 2, offset: LIMIT } } });
  });
});

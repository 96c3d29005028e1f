import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { drain, eventsOf, range, startedSource, tempDir, testSetup, trailRecord } from './testdata/harness.ts';

const WHOLE_LIMIT = 1024 * 1024; // maxWholeFileSize in these tests
const MIB = 1024 * 1024;
const bedrock = (n: number, prefix: string): Record<string, unknown> => trailRecord(n, { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel' }, prefix);
const document = (prefix: string, count: number): string => JSON.stringify({ Records: range(0, count).map((n) => bedrock(n, prefix)) });

// 64 MiB of one byte as one gzip member of about 65 KB; members concatenated are one valid gzip file.
const member64MiB = (byte: number): Buffer => gzipSync(Buffer.alloc(64 * MIB, byte), { level: 9 });
// A last member whose trailer announces `bytes`: more than the whole file's size, and at most maxWholeFileSize — so the
// file looks small enough to read whole.
const plausibleTail = (text: string, bytes: number): Buffer => gzipSync(text.padEnd(bytes, ' '));
const withTrailer = (gz: Buffer, size: number): Buffer => {
  const lying = Buffer.from(gz);
  lying.writeUInt32LE(size, lying.length - 4);
  return lying;
};

// Every way a file is read whole or falls back: this thread or a decode worker, with and without the prefilter.
const WAYS: Record<string, Record<string, unknown>> = {
  'this thread': {},
  'this thread, no prefilter': { prefilter: false },
  'a worker': { workers: 1 },
  'a worker, no prefilter': { workers: 1, prefilter: false },
};

describe('file source: a gzip file that inflates past maxWholeFileSize, whatever its trailer says, is streamed', () => {
  it('keeps every record of a file whose trailer lies or whose last member is small, and costs a bomb only its report', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const lying = withTrailer(gzipSync(document('lie', 2000)), 512 * 1024);
    const damaged = gzipSync(document('crc', 20));
    damaged.writeUInt32LE(damaged.readUInt32LE(damaged.length - 8) ^ 1, damaged.length - 8);
    const files: Record<string, Buffer> = {
      // Its trailer says 512 KiB; it inflates to 2.6 MB.
      'a-lying-trailer.json.gz': lying,
      // Records in a first member, a small last member: a valid gzip file the trailer describes only in part.
      'b-members.json.gz': Buffer.concat([gzipSync(document('member', 2000).slice(0, -2)), plausibleTail(']}', 300 * 1024)]),
      // 64 MiB of zero bytes from 65 KB: one endless line.
      'c-zeros.json.gz': Buffer.concat([member64MiB(0), plausibleTail('', 300 * 1024)]),
      // A record whose string never ends, 64 MiB long.
      'd-endless-string.json.gz': Buffer.concat([gzipSync('{"Records":[{"eventSource":"bedrock.amazonaws.com","prompt":"'), member64MiB(0x41), gzipSync('A'.repeat(300 * 1024))]),
      // Within the limit, but its checksum is wrong: damaged, not cut.
      'e-bad-checksum.json.gz': damaged,
      'f-good.json.gz': gzipSync(document('good', 3)),
    };
    for (const [name, bytes] of Object.entries(files)) await writeFile(join(dir, name), bytes);
    for (const name of ['a-lying-trailer.json.gz', 'b-members.json.gz', 'c-zeros.json.gz']) {
      const bytes = files[name]!;
      expect({ name, readWhole: bytes.readUInt32LE(bytes.length - 4) }).toEqual({ name, readWhole: expect.toSatisfy((n: number) => n >= bytes.length && n <= WHOLE_LIMIT) });
    }
    const path = (name: string): string => join(dir, name);

    for (const [way, options] of Object.entries(WAYS)) {
      const setup = testSetup(dir, { interest: [{ eventSource: 'bedrock.amazonaws.com' }] });
      const events = eventsOf(await drain(await startedSource({ paths: ['.'], maxWholeFileSize: `${WHOLE_LIMIT}B`, ...options }, setup)));
      const ids = events.map((e) => e.eventId);
      expect({ way, ids }).toEqual({
        way,
        ids: [...range(0, 2000).map((n) => `lie-${n}`), ...range(0, 2000).map((n) => `member-${n}`), ...range(0, 20).map((n) => `crc-${n}`), 'good-0', 'good-1', 'good-2'],
      });
      const rejections = setup.errors.rejections.map((r) => [r.origin.location, r.origin.index, r.reason, r.message]);
      expect({ way, rejections }).toEqual({
        way,
        rejections: [
          [path('a-lying-trailer.json.gz'), -1, 'decompression-failed', expect.stringMatching(/is damaged after record 1999 \(incorrect length check\); 2000 complete records before it were kept$/)],
          [path('c-zeros.json.gz'), 1, 'malformed-json', `line is ${64 * MIB + 300 * 1024} bytes, longer than maxRecordSize (${16 * MIB} bytes); skipped unparsed, the rest of the input is still read`],
          [path('d-endless-string.json.gz'), -1, 'truncated', expect.stringContaining(`already longer than maxRecordSize (${16 * MIB} bytes),`)],
          [path('e-bad-checksum.json.gz'), -1, 'decompression-failed', expect.stringMatching(/is damaged after record 19 \(incorrect data check\); 20 complete records before it were kept$/)],
        ],
      });
    }
  });
});

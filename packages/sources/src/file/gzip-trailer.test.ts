import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { plannedInflatedSize } from './gzip-trailer.ts';
import { readWholeBytesSync } from './read-whole-bytes.ts';

describe('plannedInflatedSize', () => {
  it('takes the trailer of a tiny file larger than its content at its word', () => {
    const tiny = gzipSync('{"Records":[]}');
    expect(tiny.length).toBeGreaterThan(14);
    expect(plannedInflatedSize(14, tiny.length)).toBe(14);
  });

  it('does not believe a trailer far below the file size: that file is streamed', () => {
    expect(plannedInflatedSize(10, 1_000_000)).toBe(Number.POSITIVE_INFINITY);
    expect(plannedInflatedSize(0, 4096)).toBe(Number.POSITIVE_INFINITY);
  });

  it('lets a small delivery file with no record be read whole, not streamed', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jw-trailer-')), 'empty.json.gz');
    writeFileSync(path, gzipSync('{"Records":[]}'));
    expect(readWholeBytesSync(path, 32 * 1024 * 1024, { buffer: Buffer.alloc(0) }).kind).toBe('bytes');
  });

  it('streams a file whose trailer cannot be its size, whatever it holds', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'jw-trailer-')), 'lying.json.gz');
    const bytes = gzipSync(JSON.stringify({ Records: [{ eventSource: 's3.amazonaws.com', requestID: randomBytes(4096).toString('hex') }] }));
    expect(bytes.length).toBeGreaterThan(4096);
    bytes.writeUInt32LE(3, bytes.length - 4); // a trailer that says 3 bytes
    writeFileSync(path, bytes);
    expect(readWholeBytesSync(path, 32 * 1024 * 1024, { buffer: Buffer.alloc(0) }).kind).toBe('stream');
  });
});

import { gzipSync } from 'node:zlib';
import { systemClock } from '@jackwatch/core';
import type { CloudTrailRecord } from '@jackwatch/core';
import { cloudTrailRecord, iamUser, testContext } from '@jackwatch/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { s3SourceConfigSchema } from './config.ts';
import { MAX_WHOLE_OBJECT_SIZE } from './object-reader.ts';
import { S3Source } from './s3-source.ts';
import { type Emulator, startEmulator, TEST_CREDENTIALS, TEST_REGION } from './testdata/emulator.ts';
import { drain } from './testdata/read-batches.ts';
import { trailFile } from './testdata/trail-files.ts';

const START = Date.UTC(2026, 9, 1);
const MIB = 1024 * 1024;
const place = { account: '555555555555', region: 'us-west-2' };
const keyAt = (minute: number): string => trailFile(place, START + minute * 60_000).key;
// A Bedrock call whose prompt makes it about 1 MiB (well under maxRecordSize): 40 of them inflate past the whole-object limit.
const invoke = (id: string, minute: number): CloudTrailRecord => ({
  ...cloudTrailRecord({ eventId: id, time: START + minute * 60_000, action: 'InvokeModel', region: place.region, identity: iamUser({ account: place.account }) }),
  requestParameters: { prompt: 'p'.repeat(MIB) },
});
const ids = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
const document = (prefix: string, minute: number, count: number): string => JSON.stringify({ Records: ids(prefix, count).map((id) => invoke(id, minute)) });

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator();
}, 60_000);
afterAll(async () => {
  await emulator?.stop();
});

describe('s3 source: an object that inflates past the whole-object limit, whatever its trailer says', () => {
  it('is streamed from its downloaded bytes: every record read, a bomb reported alone, the next object read', { timeout: 120_000 }, async () => {
    const lying = gzipSync(document('lie', 2, 40));
    lying.writeUInt32LE(1000, lying.length - 4);
    const zeroMember = gzipSync(Buffer.alloc(64 * MIB), { level: 9 });
    const objects: Record<string, Uint8Array> = {
      // Records in a first member, then a tiny last member: the trailer announces 2 bytes.
      [keyAt(1)]: Buffer.concat([gzipSync(document('members', 1, 40).slice(0, -2)), gzipSync(']}')]),
      // Its trailer says 1000 bytes; it inflates to 40 MiB.
      [keyAt(2)]: lying,
      // 256 MiB of zero bytes from 260 KB: one endless line, with a trailer that says 1 byte.
      [keyAt(3)]: Buffer.concat([zeroMember, zeroMember, zeroMember, zeroMember, gzipSync(' ')]),
      [keyAt(4)]: gzipSync(document('good', 4, 2)),
    };
    await emulator.createBucket('bombs');
    for (const [key, body] of Object.entries(objects)) {
      expect(body.length).toBeLessThan(MAX_WHOLE_OBJECT_SIZE); // each is downloaded whole
      await emulator.putObject('bombs', key, body);
    }
    const config = s3SourceConfigSchema.parse({ bucket: 'bombs', startTime: '2026-10-01', once: true, endpoint: emulator.endpoint, region: TEST_REGION });
    const context = testContext('s3/bombs', { clock: systemClock, interest: [{ eventSource: 'bedrock.amazonaws.com' }] });

    const batches = await drain(new S3Source(config, context, { credentials: TEST_CREDENTIALS }).read(new AbortController().signal));

    expect(batches.flatMap((b) => b.events.map((e) => e.eventId))).toEqual([...ids('members', 40), ...ids('lie', 40), ...ids('good', 2)]);
    const location = (minute: number): string => `s3://bombs/${keyAt(minute)}`;
    expect(context.errors.rejections.map((r) => [r.origin.location, r.origin.index, r.reason, r.message]).sort()).toEqual([
      [location(2), -1, 'decompression-failed', expect.stringMatching(/is damaged after record 39 \(incorrect length check\); 40 complete records before it were kept$/)],
      [location(3), 1, 'malformed-json', `line is ${256 * MIB + 1} bytes, longer than maxRecordSize (${16 * MIB} bytes); skipped unparsed, the rest of the input is still read`],
    ]);
    expect(context.errors.errors).toEqual([]);
  });
});

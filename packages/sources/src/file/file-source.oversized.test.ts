import { describe, expect, it } from 'vitest';
import type { Rejection } from '@jackwatch/core';
import { drain, eventsOf, put, startedSource, tempDir, testSetup, trailRecord } from './testdata/harness.ts';

const LIMIT = 4096;
const bedrock = (n: number, prefix: string, overrides: Record<string, unknown> = {}): Record<string, unknown> =>
  trailRecord(n, { eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', ...overrides }, prefix);
// Valid CloudTrail, Bedrock (so the prefilter picks it), far over the limit; its string holds quotes, brackets and backslashes.
const giant = (n: number, prefix: string): Record<string, unknown> => bedrock(n, prefix, { requestParameters: { prompt: '"]}\\[{ '.repeat(3 * LIMIT) } });
const envelope = (value: Record<string, unknown>): Record<string, unknown> => ({ 'detail-type': 'AWS API Call via CloudTrail', source: 'aws.bedrock', detail: value });
const size = (value: unknown): number => Buffer.byteLength(JSON.stringify(value));

interface Outcome {
  readonly ids: string[];
  readonly rejections: [Rejection['reason'], number | string, string | undefined][];
}

// Reads `name` with the given options; each rejection as [reason, index, the size it names].
async function read(dir: string, name: string, options: Record<string, unknown>): Promise<Outcome> {
  const setup = testSetup(dir, { interest: [{ eventSource: 'bedrock.amazonaws.com' }] });
  const events = eventsOf(await drain(await startedSource({ paths: [name], maxRecordSize: `${LIMIT}B`, ...options }, setup)));
  return {
    ids: events.map((e) => e.eventId),
    rejections: setup.errors.rejections.map((r) => [r.reason, r.origin.index, /is (\d+) bytes, longer than maxRecordSize \(4096 bytes\)/.exec(r.message)?.[1]]),
  };
}

// Every way a file is read: whole or streamed, prefiltered or not, on this thread or a decode worker.
const WAYS: Record<string, Record<string, unknown>> = {
  whole: {},
  'whole, no prefilter': { prefilter: false },
  'whole, in a worker': { workers: 1 },
  streamed: { maxWholeFileSize: '1KiB' },
  'streamed, no prefilter': { maxWholeFileSize: '1KiB', prefilter: false },
};

describe('file source: a record beyond maxRecordSize costs only itself', () => {
  it.each(['delivery.json', 'delivery.json.gz'])('in %s: skipped with its index and size, however the file is read', async (name) => {
    const dir = await tempDir();
    const records = [bedrock(0, 'a'), giant(1, 'big'), bedrock(2, 'a'), giant(3, 'big'), giant(4, 'big'), bedrock(5, 'a'), giant(6, 'big')];
    await put(dir, name, JSON.stringify({ Records: records }));
    const expected: Outcome = {
      ids: ['a-0', 'a-2', 'a-5'],
      rejections: [1, 3, 4, 6].map((i) => ['malformed-json', i, String(size(records[i]))]),
    };
    for (const [way, options] of Object.entries(WAYS)) expect({ way, ...(await read(dir, name, options)) }).toEqual({ way, ...expected });
  });

  it('in a JSON array of EventBridge envelopes, pretty-printed', async () => {
    const dir = await tempDir();
    const values = [envelope(bedrock(0, 'a')), envelope(giant(1, 'big')), envelope(bedrock(2, 'a'))];
    await put(dir, 'events.json', JSON.stringify(values, null, 2));
    const big = JSON.stringify(values[1], null, 2).replaceAll('\n', '\n  '); // as indented inside the array
    for (const [way, options] of Object.entries(WAYS)) {
      expect({ way, ...(await read(dir, 'events.json', options)) }).toEqual({ way, ids: ['a-0', 'a-2'], rejections: [['malformed-json', 1, String(Buffer.byteLength(big))]] });
    }
  });

  it.each(['lines.ndjson', 'lines.ndjson.gz'])('in %s: the oversized line is skipped by its line number', async (name) => {
    const dir = await tempDir();
    const lines = [bedrock(0, 'a'), giant(1, 'big'), envelope(giant(2, 'big')), bedrock(3, 'a')];
    await put(dir, name, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    for (const [way, options] of Object.entries(WAYS)) {
      expect({ way, ...(await read(dir, name, options)) }).toEqual({
        way,
        ids: ['a-0', 'a-3'],
        rejections: [
          ['malformed-json', 2, String(size(lines[1]))],
          ['malformed-json', 3, String(size(lines[2]))],
        ],
      });
    }
  });

  it('in a file that is one oversized value — an envelope, or a string that never ends — and the next file is read', async () => {
    const dir = await tempDir();
    const single = envelope(giant(1, 'big'));
    await put(dir, 'a-envelope.json', JSON.stringify(single));
    await put(dir, 'b-string.json', `"${'A\\"'.repeat(4 * LIMIT)}`);
    await put(dir, 'c-good.json', JSON.stringify({ Records: [bedrock(0, 'good')] }));
    for (const [way, options] of Object.entries(WAYS)) {
      const { ids, rejections } = await read(dir, '.', options);
      // Read whole, the value is record 0; streamed, it is line 1 (neither is a records document).
      const index = way.startsWith('streamed') ? 1 : 0;
      expect({ way, ids, rejections }).toEqual({
        way,
        ids: ['good-0'],
        rejections: [
          ['malformed-json', index, String(size(single))],
          ['malformed-json', index, String(1 + 3 * 4 * LIMIT)],
        ],
      });
    }
  });

  it('in a file that ends inside one giant unterminated string: the records before it are kept, the cut reported once', async () => {
    const dir = await tempDir();
    await put(dir, 'cut.json', `{"Records":[${JSON.stringify(bedrock(0, 'a'))},{"eventVersion":"1.09","eventSource":"bedrock.amazonaws.com","blob":"${'A'.repeat(4 * LIMIT)}`);
    for (const [way, options] of Object.entries(WAYS)) {
      expect({ way, ...(await read(dir, 'cut.json', options)) }).toEqual({ way, ids: ['a-0'], rejections: [['truncated', -1, undefined]] });
    }
  });
});

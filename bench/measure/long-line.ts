/**
 * The NDJSON line reader on one line just under `maxRecordSize` (16 MiB by
 * default), delivered in 64 KiB chunks as a streamed file or download is:
 * the time to read it and the line after it, median of the rounds. A reader
 * that copied what it holds on every chunk would take time quadratic in the
 * line's length.
 *
 *   node --conditions=development bench/measure/long-line.ts [lineMiB=16] [chunkKiB=64] [rounds=5]
 */
import { DEFAULT_MAX_RECORD_SIZE } from '@jackwatch/core/decode';
import { readLineStream } from '../../packages/sources/src/file/line-stream-reader.ts';
import type { StreamPlan } from '../../packages/sources/src/file/file-chunk.ts';
import { BodyByteSource } from '../../packages/sources/src/s3/body-byte-source.ts';
import { peakRssKb, report } from '../lib/measurement.ts';

const lineBytes = Number(process.argv[2] ?? 16) * 1024 * 1024 - 64;
const chunkBytes = Number(process.argv[3] ?? 64) * 1024;
const rounds = Number(process.argv[4] ?? 5);

const record = (id: string, prompt: string): string =>
  JSON.stringify({ eventVersion: '1.09', eventTime: '2026-11-20T09:00:00Z', eventSource: 'bedrock.amazonaws.com', eventName: 'InvokeModel', eventID: id, awsRegion: 'us-east-1', requestParameters: { prompt } });
const long = record('long', '');
const text = `${record('long', 'x'.repeat(lineBytes - long.length))}\n${record('after', 'short')}\n`;
const bytes = Buffer.from(text);
const chunks = Array.from({ length: Math.ceil(bytes.length / chunkBytes) }, (_, i) => bytes.subarray(i * chunkBytes, (i + 1) * chunkBytes));

async function readOnce(): Promise<number> {
  let rejected = 0;
  const plan: StreamPlan = {
    source: 'bench', batchSize: 1000, maxRecordSize: DEFAULT_MAX_RECORD_SIZE, needles: undefined, holdPartialLine: false, resume: undefined,
    reject: () => rejected++, countPrefiltered: () => {},
  };
  let events = 0;
  for await (const chunk of readLineStream(new BodyByteSource(chunks), 'bench.ndjson', { size: bytes.length, mtimeMs: 0 }, plan, { offset: 0, line: 1, trackOffset: false })) events += chunk.events.length;
  if (events !== 2 || rejected !== 0) throw new Error(`expected 2 events and no rejection, got ${events} and ${rejected}`);
  return events;
}

const seconds: number[] = [];
for (let round = 0; round < rounds; round++) {
  const start = performance.now();
  await readOnce();
  seconds.push((performance.now() - start) / 1000);
}
seconds.sort((a, b) => a - b);
report({ records: 2, seconds: seconds[Math.floor(rounds / 2)]!, maxRssKb: peakRssKb(), details: { lineBytes: Buffer.byteLength(text.slice(0, text.indexOf('\n'))), chunkBytes, rounds, all: seconds } });

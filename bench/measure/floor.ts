/**
 * The floor: read + gunzip + `JSON.parse` of every delivery file, and a look
 * at one field of each record — what nobody can beat without skipping work.
 * Gunzip is the fastest we have (one reused output buffer, as the file
 * source does); `--inflate sync` uses plain `gunzipSync`, the usual way to
 * inflate a file in Node. With `--workers N`, files are spread over N worker
 * threads (each does the same and returns only its counts). With
 * `--parse none`, nothing is parsed: records are counted by scanning the
 * inflated bytes for `"eventID":` — the cost of inflating alone, which bounds
 * any reader that must look inside every file.
 *
 *   node bench/measure/floor.ts <dataset-dir> [--workers N] [--inflate sync] [--parse none]
 */
import { readFileSync } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { WholeInflater } from '../../packages/sources/src/internal/inflate-whole.ts';
import { listDeliveryFiles } from '../lib/list-files.ts';
import { peakRssKb, report } from '../lib/measurement.ts';

interface Counts {
  records: number;
  bedrock: number;
  bytes: number;
}

// The bound the file source applies to a whole file by default (its maxWholeFileSize); delivery files are far below it.
const inflater = new WholeInflater(32 * 1024 * 1024);
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const sync = option('--inflate') === 'sync';
const parse = option('--parse') !== 'none';
const inflate = (bytes: Buffer): Buffer => {
  const inflated = sync ? gunzipSync(bytes) : inflater.inflate(bytes);
  if (inflated === undefined) throw new Error('a delivery file inflates past 32 MiB: not what this dataset holds');
  return inflated;
};
// Every CloudTrail record has exactly one eventID, and the generator writes no other key of that name.
const RECORD_MARK = Buffer.from('"eventID":');
const BEDROCK_MARK = Buffer.from('"eventSource":"bedrock.amazonaws.com"');

function countMarks(text: Buffer, mark: Buffer): number {
  let count = 0;
  for (let at = text.indexOf(mark); at >= 0; at = text.indexOf(mark, at + mark.length)) count++;
  return count;
}

function readFile(path: string, counts: Counts): void {
  const inflated = inflate(readFileSync(path));
  counts.bytes += inflated.length;
  if (!parse) {
    counts.records += countMarks(inflated, RECORD_MARK);
    counts.bedrock += countMarks(inflated, BEDROCK_MARK);
    return;
  }
  const document = JSON.parse(inflated.toString('utf8')) as { Records: { eventSource?: string }[] };
  for (const record of document.Records) {
    counts.records++;
    if (record.eventSource === 'bedrock.amazonaws.com') counts.bedrock++;
  }
}

if (!isMainThread) {
  const counts: Counts = { records: 0, bedrock: 0, bytes: 0 };
  for (const path of workerData as string[]) readFile(path, counts);
  parentPort!.postMessage(counts);
} else {
  const dir = process.argv[2]!;
  const workers = Number(option('--workers') ?? 0) || 0;
  const files = listDeliveryFiles(dir);
  const began = performance.now();
  const counts: Counts = { records: 0, bedrock: 0, bytes: 0 };
  if (workers === 0) {
    for (const path of files) readFile(path, counts);
  } else {
    // Interleaved shares: neighbouring files have similar sizes.
    const shares = Array.from({ length: workers }, (_, w) => files.filter((_, i) => i % workers === w));
    const results = await Promise.all(
      shares.map((share) => new Promise<Counts>((resolve, reject) => {
        const worker = new Worker(new URL(import.meta.url), { workerData: share, argv: process.argv.slice(2) });
        worker.once('message', resolve);
        worker.once('error', reject);
      })),
    );
    for (const result of results) {
      counts.records += result.records;
      counts.bedrock += result.bedrock;
      counts.bytes += result.bytes;
    }
  }
  report({
    records: counts.records,
    seconds: (performance.now() - began) / 1000,
    maxRssKb: peakRssKb(),
    details: { floor: { records: counts.records, bedrock: counts.bedrock, bytes: counts.bytes }, workers, inflate: sync ? 'gunzipSync' : 'reused buffer', parse: parse ? 'JSON.parse' : 'byte scan' },
  });
}

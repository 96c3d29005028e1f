/**
 * The floor: read + gunzip + `JSON.parse` of every delivery file, and a look
 * at one field of each record — what nobody can beat without skipping work.
 * Gunzip is the fastest we have (one reused output buffer, as the file
 * source does); `--inflate sync` uses plain `gunzipSync`, the usual way to
 * inflate a file in Node. With `--workers N`, files are spread over N worker threads
 * (each does the same and returns only its counts).
 *
 *   node bench/measure/floor.ts <dataset-dir> [--workers N] [--inflate sync]
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
}

// The bound the file source applies to a whole file by default (its maxWholeFileSize); delivery files are far below it.
const inflater = new WholeInflater(32 * 1024 * 1024);
const sync = process.argv.includes('--inflate') && process.argv[process.argv.indexOf('--inflate') + 1] === 'sync';
const inflate = (bytes: Buffer): Buffer => {
  const inflated = sync ? gunzipSync(bytes) : inflater.inflate(bytes);
  if (inflated === undefined) throw new Error('a delivery file inflates past 32 MiB: not what this dataset holds');
  return inflated;
};

function parseFile(path: string, counts: Counts): void {
  const document = JSON.parse(inflate(readFileSync(path)).toString('utf8')) as { Records: { eventSource?: string }[] };
  for (const record of document.Records) {
    counts.records++;
    if (record.eventSource === 'bedrock.amazonaws.com') counts.bedrock++;
  }
}

if (!isMainThread) {
  const counts: Counts = { records: 0, bedrock: 0 };
  for (const path of workerData as string[]) parseFile(path, counts);
  parentPort!.postMessage(counts);
} else {
  const dir = process.argv[2]!;
  const workers = Number(process.argv[process.argv.indexOf('--workers') + 1] ?? 0) || 0;
  const files = listDeliveryFiles(dir);
  const began = performance.now();
  const counts: Counts = { records: 0, bedrock: 0 };
  if (workers === 0) {
    for (const path of files) parseFile(path, counts);
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
    }
  }
  report({ records: counts.records, seconds: (performance.now() - began) / 1000, maxRssKb: peakRssKb(), details: { bedrock: counts.bedrock, workers, inflate: sync ? 'gunzipSync' : 'reused buffer' } });
}

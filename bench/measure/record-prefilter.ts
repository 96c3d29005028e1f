/**
 * The two ways to skip non-matching records inside a file that names an
 * event source of interest, measured on the same inflated files in memory:
 * parse the whole document and drop other records before normalizing, or
 * pick the matching records by their bytes and parse only those (what the
 * file source does). Prints records/s of each, medians of 5.
 *
 *   node --conditions=development bench/measure/record-prefilter.ts <dataset-dir>
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normalizeRecord } from '@jackwatch/core';
import { selectRecords } from '../../packages/sources/src/internal/select-records.ts';
import { listDeliveryFiles } from '../lib/list-files.ts';
import { median } from '../lib/median.ts';

const NEEDLE = 'bedrock.amazonaws.com';
const needle = [Buffer.from(NEEDLE)];
const inflated = listDeliveryFiles(process.argv[2]!).map((path) => gunzipSync(readFileSync(path))).filter((bytes) => bytes.indexOf(needle[0]!) >= 0);
const records = inflated.reduce((sum, bytes) => sum + (JSON.parse(bytes.toString('utf8')) as { Records: unknown[] }).Records.length, 0);

function parseThenDrop(): number {
  let kept = 0;
  for (const bytes of inflated) {
    const doc = JSON.parse(bytes.toString('utf8')) as { Records: { eventSource?: unknown }[] };
    doc.Records.forEach((record, index) => {
      if (record.eventSource === NEEDLE && normalizeRecord(record, { source: 'f', location: 'x', index }) !== undefined) kept++;
    });
  }
  return kept;
}

function pickByBytes(): number {
  let kept = 0;
  for (const bytes of inflated) {
    for (const { text, index } of selectRecords(bytes, needle)!.records) {
      const record = JSON.parse(text) as { eventSource?: unknown };
      if (record.eventSource === NEEDLE && normalizeRecord(record, { source: 'f', location: 'x', index }) !== undefined) kept++;
    }
  }
  return kept;
}

const rates = { parseThenDrop: [] as number[], pickByBytes: [] as number[] };
for (let round = 0; round < 5; round++) {
  for (const [name, run] of [['parseThenDrop', parseThenDrop], ['pickByBytes', pickByBytes]] as const) {
    const began = performance.now();
    run();
    rates[name].push(records / ((performance.now() - began) / 1000));
  }
}
process.stdout.write(
  `${inflated.length} files naming ${NEEDLE}, ${records} records (inflated, in memory):\n` +
    `  parse whole document, drop others before normalizing: ${Math.round(median(rates.parseThenDrop)).toLocaleString('en-US')} records/s\n` +
    `  pick records by their bytes, parse only those:        ${Math.round(median(rates.pickByBytes)).toLocaleString('en-US')} records/s\n`,
);

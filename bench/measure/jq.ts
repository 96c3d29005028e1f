/**
 * `gzip -dc | jq` selecting the events the shipped detectors can match —
 * what a person would run instead of jackwatch. Counts the selected events
 * and samples jq's peak resident set from /proc.
 *
 *   node bench/measure/jq.ts <dataset-dir>
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../generate/dataset.ts';
import { listDeliveryFiles } from '../lib/list-files.ts';
import { report } from '../lib/measurement.ts';

const dir = process.argv[2]!;
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
// The same events the shipped detectors can match: Bedrock calls of the names the generator recorded.
const FILTER = `.Records[] | select(.eventSource == "bedrock.amazonaws.com" and (.eventName | IN(${manifest.interestingNames.map((name) => JSON.stringify(name)).join(', ')})))`;
const files = listDeliveryFiles(join(dir, 'AWSLogs'));
const began = performance.now();
const gunzip = spawn('gzip', ['-dc', ...files], { stdio: ['ignore', 'pipe', 'inherit'] });
const jq = spawn('jq', ['-c', FILTER], { stdio: ['pipe', 'pipe', 'inherit'] });
gunzip.stdout.pipe(jq.stdin);
let peakKb = 0;
const sample = (): void => {
  try {
    const status = readFileSync(`/proc/${jq.pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)/.exec(status);
    if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
  } catch {
    // jq has exited
  }
};
const sampler = setInterval(sample, 50);
let selected = 0;
jq.stdout.on('data', (chunk: Buffer) => {
  for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) selected++;
});
const code = await new Promise<number | null>((resolve) => jq.on('close', resolve));
clearInterval(sampler);
const seconds = (performance.now() - began) / 1000;
if (code !== 0) throw new Error(`jq exited with ${code}`);
report({ records: manifest.records, seconds, maxRssKb: peakKb, details: { selected } });

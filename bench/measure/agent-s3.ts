/**
 * The agent over the dataset in S3: the `s3` source in poll mode backfilling
 * the bucket (`once: true`, from the dataset's first day), every shipped
 * detector, the discard sink. Credentials and region come from the
 * environment (the emulator's fake ones).
 *
 *   node --conditions=development bench/measure/agent-s3.ts <dataset-dir> <work-dir> <endpoint> <bucket> [--workers auto|N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../generate/dataset.ts';
import { benchConfigYaml } from '../lib/agent-config.ts';
import { peakRssKb, report } from '../lib/measurement.ts';
import { runAgentWithConfig } from '../lib/run-bench-agent.ts';

const [dir, workDir, endpoint, bucket] = process.argv.slice(2) as [string, string, string, string];
const at = process.argv.indexOf('--workers');
const workers = at < 0 ? undefined : process.argv[at + 1];
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
const yaml = benchConfigYaml({
  checkpoints: '{ memory: true }',
  logLevel: 'warn',
  source: {
    type: 's3',
    options: [
      `bucket: ${bucket}`,
      `endpoint: ${JSON.stringify(endpoint)}`,
      'forcePathStyle: true',
      `startTime: ${manifest.start.slice(0, 10)}`,
      'once: true',
      ...(workers === undefined ? [] : [`workers: ${workers}`]),
    ],
  },
});
const run = await runAgentWithConfig(yaml, workDir, `agent-s3-w${workers ?? 'default'}`);
report({
  records: manifest.records,
  seconds: run.seconds,
  maxRssKb: peakRssKb(),
  details: {
    mode: { prefilter: true, workers: workers ?? 'default' },
    objects: manifest.files,
    startSeconds: run.startSeconds,
    eventsRead: run.result.eventsRead,
    unmatched: run.result.unmatched,
    rejected: run.result.rejected,
    findings: run.tally.ids,
  },
});

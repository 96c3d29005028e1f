/**
 * The agent over a dataset: file source, every shipped detector, discard sink.
 *
 *   node --conditions=development bench/measure/agent.ts <dataset-dir> <work-dir> --prefilter on|off --workers 0|N|auto [--sample-rss MS]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Manifest } from '../generate/dataset.ts';
import { peakRssKb, report } from '../lib/measurement.ts';
import { runBenchAgent } from '../lib/run-bench-agent.ts';

const [dir, workDir] = process.argv.slice(2) as [string, string];
const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const workersText = option('--workers') ?? '0';
const mode = { prefilter: option('--prefilter') !== 'off', workers: workersText === 'auto' ? ('auto' as const) : Number(workersText) };
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
// With --sample-rss MS: resident set and heap over the run, to show whether memory stays flat.
const every = Number(option('--sample-rss') ?? 0);
const samples: { seconds: number; rssMb: number; heapMb: number }[] = [];
const began = performance.now();
const sampler = every > 0 ? setInterval(() => {
  const usage = process.memoryUsage();
  samples.push({ seconds: (performance.now() - began) / 1000, rssMb: usage.rss / 1048576, heapMb: usage.heapUsed / 1048576 });
}, every) : undefined;
const cpuAtStart = process.cpuUsage();
const run = await runBenchAgent(join(dir, 'AWSLogs'), workDir, mode);
const cpu = process.cpuUsage(cpuAtStart);
clearInterval(sampler);
report({
  records: manifest.records,
  seconds: run.seconds,
  maxRssKb: peakRssKb(),
  details: {
    mode,
    startSeconds: run.startSeconds,
    // CPU time of the process (every thread) over the run, start-up included: steadier than `seconds` on a loaded machine.
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    eventsRead: run.result.eventsRead,
    unmatched: run.result.unmatched,
    rejected: run.result.rejected,
    findings: run.tally.ids,
    findingDetectors: run.tally.detectors,
    counters: run.counters,
    samples,
  },
});

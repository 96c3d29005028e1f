/**
 * The agent over a dataset with Sigma rules: the four shipped detectors plus
 * the SigmaHQ CloudTrail rules read in place from the shared data beside the
 * checkout (never copied into the repository).
 *
 *   node --conditions=development bench/measure/agent-sigma.ts <dataset-dir> <work-dir> --prefilter on|off [--routed-only] [--exclude ID,…]
 *
 * `--routed-only` leaves out the rules that can match events of any source
 * (those with interest `all` turn the prefilter off; those that test event
 * names alone make it parse every record), to show the byte prefilter with
 * Sigma rules; `--exclude` leaves out rules by id.
 * Imported (by bench/run.ts), it only exports its rows.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDefaultRegistry, loadAgentConfig, runAgent } from '@jackwatch/agent';
import { CounterSet, silentLogger, type Interest } from '@jackwatch/core';
import { loadRuleSet } from '@jackwatch/sigma';
import type { Manifest } from '../generate/dataset.ts';
import { SHIPPED_DETECTORS } from '../lib/agent-config.ts';
import { discardSinkFactory, findingTally } from '../lib/discard-sink.ts';
import { peakRssKb, report } from '../lib/measurement.ts';

/** The SigmaHQ CloudTrail rules beside the checkout, if they are there. */
export const SIGMAHQ_RULES = resolve(fileURLToPath(new URL('../..', import.meta.url)), '..', 'shared', 'data', 'rules', 'sigma', 'cloudtrail');

/** SigmaHQ's "AWS STS AssumeRole Misuse": a finding for every call of a role session (three in four records of the bench's data). */
const ASSUME_ROLE_MISUSE = '905d389b-b853-46d0-9d3d-dea0d3a3cd49';

/** One Sigma row of the throughput table. */
export interface SigmaRow {
  readonly key: 'bs' | 'bq' | 'cs' | 'cr';
  readonly label: string;
  readonly args: (dataset: string, work: string) => string[];
}

/** The Sigma rows, measured after the others in every round. */
export const SIGMA_ROWS: readonly SigmaRow[] = [
  { key: 'bs', label: 'agent + 25 SigmaHQ rules, full decode, 1 thread', args: (d, w) => [d, w, '--prefilter', 'off'] },
  { key: 'bq', label: 'the same without AssumeRole Misuse (24 rules), full decode, 1 thread', args: (d, w) => [d, w, '--prefilter', 'off', '--exclude', ASSUME_ROLE_MISUSE] },
  { key: 'cs', label: 'agent + 25 SigmaHQ rules, prefilter on, 1 thread', args: (d, w) => [d, w, '--prefilter', 'on'] },
  { key: 'cr', label: 'agent + the 18 SigmaHQ rules routed by event source, prefilter, 1 thread', args: (d, w) => [d, w, '--prefilter', 'on', '--routed-only'] },
];

/** The config: the dataset through the file source, the shipped detectors and a `sigma` entry, the discard sink. */
function configYaml(logsDir: string, prefilter: boolean, exclude: readonly string[]): string {
  return [
    'service:',
    '  checkpoints: { memory: true }',
    '  logs: { level: error }',
    'sources:',
    '  file:',
    `    paths: [${JSON.stringify(logsDir)}]`,
    `    prefilter: ${prefilter}`,
    'detectors:',
    ...SHIPPED_DETECTORS.map((id) => `  ${id}: {}`),
    '  sigma/sigmahq:',
    `    rules: [${JSON.stringify(SIGMAHQ_RULES)}]`,
    ...(exclude.length === 0 ? [] : [`    exclude: { id: ${JSON.stringify(exclude)} }`]),
    'sinks:',
    '  discard: {}',
    'pipelines:',
    '  default:',
    '    sources: [file]',
    `    detectors: [${[...SHIPPED_DETECTORS, 'sigma/sigmahq'].join(', ')}]`,
    '    sinks: [discard]',
    '',
  ].join('\n');
}

async function measure(): Promise<void> {
  const [dir, workDir] = process.argv.slice(2) as [string, string];
  const option = (name: string): string | undefined => {
    const at = process.argv.indexOf(name);
    return at < 0 ? undefined : process.argv[at + 1];
  };
  if (!existsSync(SIGMAHQ_RULES)) throw new Error(`SigmaHQ rules not found at ${SIGMAHQ_RULES}`);
  const prefilter = option('--prefilter') !== 'off';
  const rules = loadRuleSet([SIGMAHQ_RULES], { baseDir: SIGMAHQ_RULES }).entries;
  const everywhere = [
    ...(process.argv.includes('--routed-only') ? rules.filter((e) => !routedBySource(e.interest)).map((e) => e.id!) : []),
    ...(option('--exclude')?.split(',') ?? []),
  ];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
  mkdirSync(workDir, { recursive: true });
  const configPath = join(workDir, `agent-sigma-${prefilter ? 'prefilter' : 'full'}-excluding-${everywhere.length}.yaml`);
  writeFileSync(configPath, configYaml(resolve(dir, 'AWSLogs'), prefilter, everywhere));
  // The shipped detectors are a pack whose findings carry its members' ids: every id that is not a Sigma rule's.
  const sigma = new Set(rules.flatMap((e) => (e.memberId === undefined ? [] : [e.memberId])));
  const shipped = (detector: string): boolean => !sigma.has(detector);
  // Only the shipped detectors' finding ids are checked; Sigma findings are counted (one rule fires on most records).
  const tally = findingTally(shipped);
  const registry = createDefaultRegistry();
  registry.register(discardSinkFactory(tally), 'bench');
  const agent = await loadAgentConfig(configPath, registry);
  const began = performance.now();
  let started = began;
  let cpuAtStart = process.cpuUsage();
  const onStarted = (): void => {
    started = performance.now();
    cpuAtStart = process.cpuUsage();
  };
  const [result] = await runAgent(agent, { logger: silentLogger, signal: new AbortController().signal, telemetry: new CounterSet(), onStarted });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuAtStart);
  const sigmaFindings = Object.fromEntries([...tally.counts].filter(([detector]) => !shipped(detector)));
  report({
    records: manifest.records,
    seconds,
    maxRssKb: peakRssKb(),
    details: {
      startSeconds: (started - began) / 1000,
      // CPU time of the process (every thread) over the same span: steadier than `seconds` on a loaded machine.
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
      // The shipped detectors' findings, checked against the injected ones as in every agent row.
      findings: tally.ids,
      sigmaFindings,
      eventsRead: result!.eventsRead,
      unmatched: result!.unmatched,
      prefilteredRecords: result!.prefiltered.records,
      excludedRules: everywhere,
    },
  });
}

// Routed by event source alone: the byte prefilter can skip what the rule cannot match.
function routedBySource(interest: Interest | undefined): boolean {
  return interest !== undefined && interest !== 'all' && interest.every((selector) => selector.eventSource !== undefined);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await measure();

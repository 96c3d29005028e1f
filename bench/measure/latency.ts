/**
 * Latency from write to finding, on one path: writes live traffic
 * (`TRAFFIC`: 2,000 events/s, 1% Bedrock, one rule B trigger a second) to a
 * followed file, to S3 objects announced on SQS (fauxqs in its own process),
 * or to the CloudWatch Logs fake followed with Live Tail, while the real
 * `jackwatch run` (a child process, every shipped detector, the stdout sink)
 * reads it. Each trigger's finding is timed from just before its batch was
 * written to the moment its line arrives on the agent's stdout. A warm-up
 * trigger, written first and awaited, keeps start-up out of the figures;
 * after the measured seconds, traffic goes on (its triggers untimed) until
 * every finding is in, at most 20 s.
 *
 *   node --conditions=development bench/measure/latency.ts <work-dir> --path file|sqs|cwl [--lateness 2s] [--poll-interval 500ms] [--seconds 20]
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHIPPED_DETECTORS } from '../lib/agent-config.ts';
import { startBackend, type LatencyPath } from '../lib/latency-backends.ts';
import { LatencyTraffic, TRAFFIC } from '../lib/latency-traffic.ts';
import { report } from '../lib/measurement.ts';

const CLI = fileURLToPath(new URL('../../packages/agent/src/cli.ts', import.meta.url));
const TRIGGER_DETECTOR = 'aws-bedrock-logging-deletion';
const WARM_UP_LIMIT_MS = 120_000;
const DRAIN_MS = 20_000;

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
};
const workDir = process.argv[2]!;
const path = option('--path') as LatencyPath;
const lateness = option('--lateness');
const seconds = Number(option('--seconds') ?? 20);
const pollInterval = option('--poll-interval');
const dir = join(workDir, `latency-${path}-${lateness ?? 'default'}-${pollInterval ?? 'default'}`);
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

const backend = await startBackend(path, dir);
const config = join(dir, 'agent.yaml');
writeFileSync(config, [
  'service:',
  '  checkpoints: { memory: true }',
  '  logs: { level: warn }',
  'sources:',
  ...backend.sourceYaml,
  ...(pollInterval === undefined ? [] : [`    pollInterval: ${pollInterval}`]),
  'detectors:',
  ...SHIPPED_DETECTORS.map((id) => `  ${id}: {}`),
  'sinks:',
  '  stdout: { format: json }',
  'pipelines:',
  '  default:',
  `    sources: [${backend.sourceId}]`,
  `    detectors: [${SHIPPED_DETECTORS.join(', ')}]`,
  '    sinks: [stdout]',
  ...(lateness === undefined ? [] : [`    ordering: { lateness: ${lateness} }`]),
  '',
].join('\n'));

const written = new Map<string, number>();
const latencies = new Map<string, number>();
let warmUp: string | undefined;
let warmedUp: () => void = () => {};
const agent = spawn(process.execPath, ['--conditions=development', CLI, 'run', '--config', config], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...backend.env, NO_COLOR: '1' } });
let stderr = '';
agent.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
let partial = '';
agent.stdout.setEncoding('utf8').on('data', (chunk: string) => {
  const arrived = performance.now();
  const lines = (partial + chunk).split('\n');
  partial = lines.pop()!;
  for (const line of lines) {
    const finding = JSON.parse(line) as { detector: { id: string }; evidence: { eventID?: string }[] };
    if (finding.detector.id !== TRIGGER_DETECTOR) continue;
    const id = finding.evidence[0]?.eventID;
    if (id === warmUp) warmedUp();
    const at = id === undefined ? undefined : written.get(id);
    if (at !== undefined && !latencies.has(id!)) latencies.set(id!, arrived - at);
  }
});
const exited = new Promise<number | null>((resolve) => agent.once('exit', resolve));

const traffic = new LatencyTraffic(Date.now() - 3_600_000);
const perWrite = Math.round((TRAFFIC.eventsPerSecond * backend.writeEvery) / 1000);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
try {
  // Warm-up: one batch with a trigger, written again every second until its finding shows the agent is reading.
  const ready = new Promise<void>((resolve) => (warmedUp = resolve));
  const warmUpStarted = performance.now();
  let isReady = false;
  void ready.then(() => (isReady = true));
  while (!isReady) {
    if (performance.now() - warmUpStarted > WARM_UP_LIMIT_MS) throw new Error(`no finding within ${WARM_UP_LIMIT_MS / 1000} s of start; agent stderr:\n${stderr}`);
    if (agent.exitCode !== null) throw new Error(`jackwatch exited (${agent.exitCode}) during warm-up:\n${stderr}`);
    const { records, trigger } = traffic.batch(Date.now(), perWrite);
    if (trigger !== undefined && warmUp === undefined) warmUp = trigger;
    await backend.write(records, Date.now());
    await Promise.race([ready, sleep(1000)]);
  }
  await sleep(1000);
  // Steady traffic: a batch every writeEvery ms, catching up when a write took longer.
  const began = performance.now();
  for (let tick = 0; tick < (seconds * 1000) / backend.writeEvery; tick++) {
    await sleep(began + tick * backend.writeEvery - performance.now());
    const now = Date.now();
    const { records, trigger } = traffic.batch(now, perWrite);
    if (trigger !== undefined) written.set(trigger, performance.now());
    await backend.write(records, now);
  }
  // Traffic goes on (its triggers no longer timed) until every finding is in: with `ordering`, newer events of the
  // same account and region are what release older ones.
  const drainUntil = performance.now() + DRAIN_MS;
  for (let tick = 0; latencies.size < written.size && performance.now() < drainUntil && agent.exitCode === null; tick++) {
    await sleep(drainUntil - DRAIN_MS + tick * backend.writeEvery - performance.now());
    const now = Date.now();
    await backend.write(traffic.batch(now, perWrite).records, now);
  }
} finally {
  agent.kill('SIGTERM');
  await Promise.race([exited, sleep(30_000)]);
  if (agent.exitCode === null) agent.kill('SIGKILL');
  await backend.stop();
}
report({
  records: written.size,
  seconds,
  maxRssKb: 0,
  details: { path, lateness: lateness ?? null, pollInterval: pollInterval ?? null, triggers: written.size, latenciesMs: [...latencies.values()], writeEveryMs: backend.writeEvery },
});

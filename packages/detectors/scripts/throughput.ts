/**
 * How many already-decoded events per second the Bedrock detectors sustain,
 * alone and all four together, fed as the runtime feeds them (batches of
 * 1 000, a watermark after each batch). Not a test: run it by hand.
 *
 *   node --conditions=development packages/detectors/scripts/throughput.ts [events] [keys]
 */
import { detectorPolicySchema, withPolicy, type Detector, type TrailEvent } from '@jackwatch/core';
import { runDetector, testContext } from '@jackwatch/core/testing';
import { bedrockDetectors } from '../src/index.ts';
import { syntheticBedrockStream } from './synthetic-stream.ts';

const eventCount = Number(process.argv[2] ?? 500_000);
const keyCount = Number(process.argv[3] ?? 20_000);
const LATENESS = 5 * 60_000;
const ROUNDS = 5;

const build = (wrap: boolean): Detector[] =>
  bedrockDetectors.map((factory) => {
    const detector = factory.create(factory.configSchema.parse({}), testContext(factory.type));
    return wrap ? withPolicy(detector, detectorPolicySchema.parse({ suppress: { by: ['userName'], for: '1h' }, exceptions: [{ when: [{ field: 'sourceIPAddress', cidr: '10.0.0.0/8' }] }] })) : detector;
  });

function feed(detectors: readonly Detector[], events: readonly TrailEvent[]): { seconds: number; findings: number } {
  let findings = 0;
  const emit = (): void => {
    findings++;
  };
  const began = process.hrtime.bigint();
  let newest = Number.NEGATIVE_INFINITY;
  for (let start = 0; start < events.length; start += 1000) {
    const end = Math.min(events.length, start + 1000);
    for (let i = start; i < end; i++) {
      const event = events[i]!;
      if (event.time > newest) newest = event.time;
      for (const detector of detectors) detector.onEvent(event, emit);
    }
    for (const detector of detectors) detector.onWatermark(newest - LATENESS, emit);
  }
  for (const detector of detectors) detector.flush(emit);
  return { seconds: Number(process.hrtime.bigint() - began) / 1e9, findings };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const write = (line: string): void => void process.stdout.write(`${line}\n`);
const sorted = syntheticBedrockStream({ events: eventCount, keys: keyCount });
const shuffled = runDetector(build(false)[3]!, sorted, { order: 'shuffled', seed: 11, allowedLateness: LATENESS }).arrival;
write(`${eventCount} decoded Bedrock events, ${keyCount} long-term keys, ${process.version}, median of ${ROUNDS} rounds`);
const cases: [string, () => Detector[], readonly TrailEvent[]][] = [
  ...bedrockDetectors.map((f, i): [string, () => Detector[], readonly TrailEvent[]] => [f.type, () => [build(false)[i]!], sorted]),
  ['all four', () => build(false), sorted],
  ['all four + suppress/exceptions', () => build(true), sorted],
  ['all four, shuffled within 5m', () => build(false), shuffled],
];
feed(build(true), sorted); // warm-up: let the JIT settle before measuring
for (const [name, make, events] of cases) {
  const rates: number[] = [];
  let findings = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const result = feed(make(), events);
    rates.push(events.length / result.seconds);
    findings = result.findings;
  }
  write(`${name.padEnd(45)} ${Math.round(median(rates)).toLocaleString('en-US').padStart(12)} events/s   (${findings} findings)`);
}

/**
 * What a set of Sigma rules costs per event, against one rule. Each event is
 * routed only to the rules whose interest includes it: 50 rules pinned to 50
 * of the stream's 200 source/name pairs evaluate one rule on a quarter of the
 * events (one such rule, on 1 event in 200), so their cost follows the events
 * that reach a rule, not the number of rules. Rules that can match events of
 * any source are each evaluated on every event: their cost grows with their
 * number (shared field reads aside). Not a test: run it by hand.
 *
 *   node --conditions=development packages/sigma/scripts/rule-set-cost.ts [events]
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Detector, TrailEvent } from '@jackwatch/core';
import { EventFactory, assumedRole, iamUser, seededRandom, testContext, type TestIdentity } from '@jackwatch/core/testing';
import { createSigmaBundle, sigmaConfigSchema } from '../src/index.ts';

const eventCount = Number(process.argv[2] ?? 200_000);
const ROUNDS = 5;
const SOURCES = ['iam', 's3', 'ec2', 'sts', 'lambda', 'cloudtrail', 'kms', 'logs', 'bedrock', 'ssm'].map((s) => `${s}.amazonaws.com`);
const NAMES = Array.from({ length: 20 }, (_, i) => `Action${i}`);

/** A mixed CloudTrail stream: 10 sources × 20 event names, 200 callers. */
function stream(): TrailEvent[] {
  const random = seededRandom('rule-set-cost');
  const callers: TestIdentity[] = Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? assumedRole({ roleName: `app-${i}` }) : iamUser({ userName: `user-${i}` })));
  const factory = new EventFactory('rule-set-cost');
  return Array.from({ length: eventCount }, (_, i) =>
    factory.event({
      time: Date.parse('2026-11-20T00:00:00Z') + i * 50,
      source: SOURCES[Math.floor(random() * SOURCES.length)]!,
      action: NAMES[Math.floor(random() * NAMES.length)]!,
      identity: callers[Math.floor(random() * callers.length)]!,
      ...(random() < 0.1 ? { errorCode: 'AccessDenied' } : {}),
    }),
  );
}

/**
 * `count` rules that never fire on the stream (so the cost measured is the rules', not the findings'):
 * `pinned`, each names its own source and event name; else each tests the user agent and the principal only.
 */
function ruleSet(count: number, pinned: boolean): Detector {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-cost-'));
  try {
    for (let i = 0; i < count; i++) {
      const selection = pinned
        ? `        eventSource: ${SOURCES[i % SOURCES.length]}\n        eventName: ${NAMES[Math.floor(i / SOURCES.length) % NAMES.length]}\n        userIdentity.arn|contains: user-1x`
        : `        userAgent|contains: 'tool-${i}'\n        userIdentity.arn|contains: user-1x`;
      writeFileSync(
        join(dir, `rule-${i}.yml`),
        `title: rule ${i}\nid: rule-${i}\nlogsource: { product: aws, service: cloudtrail }\ndetection:\n    selection:\n${selection}\n    filter:\n        errorCode: AccessDenied\n    condition: selection and not filter\nlevel: low\n`,
      );
    }
    return createSigmaBundle(sigmaConfigSchema.parse({ rules: [dir] }), testContext('sigma', { baseDir: dir }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function feed(detector: Detector, events: readonly TrailEvent[]): number {
  const emit = (): void => {};
  const began = process.hrtime.bigint();
  for (let start = 0; start < events.length; start += 1000) {
    const end = Math.min(events.length, start + 1000);
    for (let i = start; i < end; i++) detector.onEvent(events[i]!, emit);
    detector.onWatermark(events[end - 1]!.time, emit);
  }
  detector.flush(emit);
  return Number(process.hrtime.bigint() - began) / 1e9;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

const write = (line: string): void => void process.stdout.write(`${line}\n`);
const events = stream();
write(`${eventCount} decoded events over ${SOURCES.length} sources × ${NAMES.length} names, ${process.version}, median of ${ROUNDS} rounds`);
const cases: [string, () => Detector][] = [
  ['1 rule, source and name pinned', () => ruleSet(1, true)],
  ['50 rules, each its own source and name', () => ruleSet(50, true)],
  ['1 rule, any source', () => ruleSet(1, false)],
  ['50 rules, any source', () => ruleSet(50, false)],
];
feed(ruleSet(50, true), events); // warm-up
const baseline: Record<string, number> = {};
for (const [name, make] of cases) {
  const seconds = median(Array.from({ length: ROUNDS }, () => feed(make(), events)));
  const perEvent = (seconds / eventCount) * 1e9;
  const base = baseline[name.includes('any source') ? 'any' : 'pinned'];
  if (base === undefined) baseline[name.includes('any source') ? 'any' : 'pinned'] = perEvent;
  write(`${name.padEnd(42)} ${Math.round(eventCount / seconds).toLocaleString('en-US').padStart(11)} events/s  ${perEvent.toFixed(0).padStart(6)} ns/event${base === undefined ? '' : `  ${(perEvent / base).toFixed(2)}× one rule`}`);
}

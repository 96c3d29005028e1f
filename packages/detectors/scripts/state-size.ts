/**
 * Detector state for 100 000 live keys: entries (`stateSize()`) and heap
 * bytes, measured as the heap growth from feeding the events (the events
 * themselves are allocated before the baseline, so only state is counted),
 * plus what the retained raw records weigh. Not a test: run it by hand.
 *
 *   node --conditions=development --expose-gc packages/detectors/scripts/state-size.ts [keys]
 */
import type { Detector, TrailEvent } from '@jackwatch/core';
import { EventFactory, iamUser, testContext } from '@jackwatch/core/testing';
import { enumThenInvokeFactory, listModelsFailuresFactory } from '../src/index.ts';

const keys = Number(process.argv[2] ?? 100_000);
const T0 = Date.parse('2024-10-17T20:00:00Z');
const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with --expose-gc');

function heap(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

function build(action: string, errorCode?: string): TrailEvent[] {
  const factory = new EventFactory(`state-${action}-${errorCode ?? 'ok'}`);
  return Array.from({ length: keys }, (_, i) =>
    factory.event({ time: T0 + (i % 600) * 1000, action, identity: iamUser({ userName: `user-${i}` }), ...(errorCode ? { errorCode, sourceIp: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` } : {}) }),
  );
}

function measure(name: string, detector: Detector, events: readonly TrailEvent[]): void {
  const before = heap();
  for (const event of events) detector.onEvent(event, () => {});
  const after = heap();
  const entries = detector.stateSize();
  detector.onWatermark(T0 + 3 * 3_600_000, () => {});
  const evicted = detector.stateSize();
  process.stdout.write(
    `${name.padEnd(58)} entries ${String(entries).padStart(7)}   heap ${((after - before) / 1048576).toFixed(1).padStart(6)} MiB` +
      ` (${Math.round((after - before) / keys)} B/key)   after the watermark passes: ${evicted}\n`,
  );
}

const base = heap();
const listings = build('ListFoundationModels');
const recordBytes = (heap() - base) / keys;
const invocations = build('InvokeModel');
const failures = build('ListFoundationModels', 'AccessDenied');
process.stdout.write(`${keys} live keys, ${process.version}; one decoded event (raw record + view) weighs ~${Math.round(recordBytes)} B of heap\n`);
measure('rule A: one pending enumeration per key', enumThenInvokeFactory.create(enumThenInvokeFactory.configSchema.parse({}), testContext('a')), listings);
measure('rule A: one stored invocation per key', enumThenInvokeFactory.create(enumThenInvokeFactory.configSchema.parse({}), testContext('a')), invocations);
measure('rule C: one failure per group', listModelsFailuresFactory.create(listModelsFailuresFactory.configSchema.parse({}), testContext('c')), failures);
process.stdout.write('State holds references to the events it may cite as evidence, so add the record weight above per retained event.\n');

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { Detector, FindingEmitter } from '../component/detector.ts';
import type { Sink, SinkStats } from '../component/sink.ts';
import type { Source, SourceBatch } from '../component/source.ts';
import { normalizeRecord } from '../event/normalize.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import { findingId } from '../finding/finding-id.ts';
import { CounterSet } from '../services/telemetry.ts';
import { Pipeline } from './pipeline.ts';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 0, 1);

function event(minute: number, action: string, region = 'us-east-1', id = `${action}-${minute}-${region}`): TrailEvent {
  const raw = {
    eventTime: new Date(T0 + minute * MINUTE).toISOString().replace('.000Z', 'Z'),
    eventSource: action === 'DescribeInstances' ? 'ec2.amazonaws.com' : 'bedrock.amazonaws.com',
    eventName: action,
    eventID: id,
    awsRegion: region,
    recipientAccountId: '111122223333',
  };
  const result = normalizeRecord(raw, { source: 'mem', location: 'test', index: minute });
  if ('reason' in result) throw new Error(result.message);
  return result;
}

/** A finite in-memory source that records which batches were acknowledged, in order. */
class ArraySource implements Source {
  readonly acked: number[] = [];
  readonly pulled: number[] = [];
  readonly #batches: TrailEvent[][];
  constructor(batches: TrailEvent[][]) {
    this.#batches = batches;
  }
  async start(): Promise<void> {}
  async *read(signal: AbortSignal): AsyncGenerator<SourceBatch> {
    for (const [i, events] of this.#batches.entries()) {
      if (signal.aborted) return;
      this.pulled.push(i);
      yield { events, ack: async () => void this.acked.push(i) };
    }
  }
  async shutdown(): Promise<void> {}
}

/** Fires one finding per InvokeModel and records the watermarks it was given. */
class InvokeDetector implements Detector {
  readonly meta = {
    id: 'invoke', title: 'Invoke', version: '1', description: '', severity: 'low' as const, riskScore: 1,
    attack: { tactics: [], techniques: [] }, references: [], tags: [], falsePositives: [], investigation: '',
  };
  readonly interest = [{ eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] }];
  readonly span = 15 * MINUTE;
  readonly seen: string[] = [];
  readonly watermarks: number[] = [];
  onEvent(e: TrailEvent, emit: FindingEmitter): void {
    this.seen.push(e.eventId);
    const time = new Date(e.time).toISOString();
    emit({
      id: findingId('invoke', e.eventId), detector: { id: 'invoke', title: 'Invoke', version: '1' }, severity: 'low',
      riskScore: 1, attack: this.meta.attack, time, firstTime: time, lastTime: time, group: {}, summary: 'invoked',
      evidence: [e.raw], references: [],
    });
  }
  onWatermark(w: number): void {
    this.watermarks.push(w);
  }
  flush(): void {}
  stateSize(): number {
    return 0;
  }
}

/** A sink that takes `delayMs` per export and records what it got. */
class SlowSink implements Sink {
  readonly received: Finding[] = [];
  inFlight = 0;
  maxInFlight = 0;
  flushes = 0;
  readonly #delayMs: number;
  constructor(delayMs = 0) {
    this.#delayMs = delayMs;
  }
  async start(): Promise<void> {}
  async export(findings: readonly Finding[]): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, this.#delayMs));
    this.received.push(...findings);
    this.inFlight--;
  }
  async forceFlush(): Promise<void> {
    this.flushes++;
  }
  async shutdown(): Promise<void> {}
  stats(): SinkStats {
    const n = this.received.length;
    return { accepted: n, delivered: n, retried: 0, deadLettered: 0, queued: 0 };
  }
}

describe('Pipeline', () => {

  it('lets a long-lived telemetry forget a pipeline the embedder let go of (its observations hold it weakly)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const telemetry = new CounterSet();
    const observedPipelines = (): Set<string | undefined> => new Set(telemetry.observed().map((v) => v.labels['pipeline']).filter((p) => p !== undefined));
    await (async () => {
      const pipeline = new Pipeline(
        { sources: [{ id: 'mem', component: new ArraySource([[event(0, 'InvokeModel')]]) }], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [] },
        { id: 'short-lived', telemetry },
      );
      await pipeline.run();
      expect(observedPipelines()).toEqual(new Set(['short-lived']));
    })();
    const kept = new Pipeline({ sources: [], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [] }, { id: 'kept', telemetry });
    // A WeakRef's target stays alive until the current job ends: collect on a later turn, a few times.
    for (let i = 0; i < 5 && observedPipelines().has('short-lived'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc();
    }
    expect(observedPipelines()).toEqual(new Set(['kept']));
    expect(kept.status().length).toBe(0);
  });
  it('routes only matching events to a detector and delivers every finding to every sink', async () => {
    const source = new ArraySource([[event(0, 'DescribeInstances'), event(1, 'InvokeModel')], [event(2, 'ListFoundationModels'), event(3, 'InvokeModel')]]);
    const detector = new InvokeDetector();
    const [a, b] = [new SlowSink(), new SlowSink()];
    const telemetry = new CounterSet();
    const result = await new Pipeline(
      { sources: [{ id: 'mem', component: source }], detectors: [{ id: 'invoke', component: detector }], sinks: [{ id: 'a', component: a }, { id: 'b', component: b }] },
      { telemetry },
    ).run();
    expect(detector.seen).toEqual(['InvokeModel-1-us-east-1', 'InvokeModel-3-us-east-1']);
    expect(a.received.map((f) => f.id)).toEqual(b.received.map((f) => f.id));
    expect(a.received).toHaveLength(2);
    expect(result.eventsRead).toEqual({ mem: 4 });
    expect(result.findings).toEqual({ invoke: 2 });
    expect(source.acked).toEqual([0, 1]);
  });

  it('starts once however often start is called, run included, as shutdown is idempotent', async () => {
    const sink = new SlowSink();
    let starts = 0;
    sink.start = async () => void starts++;
    const pipeline = new Pipeline({ sources: [{ id: 'mem', component: new ArraySource([[event(0, 'InvokeModel')]]) }], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [{ id: 'a', component: sink }] });
    await Promise.all([pipeline.start(), pipeline.start()]);
    await pipeline.run();
    await pipeline.shutdown();
    await pipeline.shutdown();
    expect(starts).toBe(1);
    expect(sink.received).toHaveLength(1);
  });

  it('reads no further ahead of a slow sink than its in-flight limit', async () => {
    const batches = Array.from({ length: 12 }, (_, i) => [event(i, 'InvokeModel')]);
    const source = new ArraySource(batches);
    const sink = new SlowSink(5);
    const pipeline = new Pipeline(
      { sources: [{ id: 'mem', component: source }], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [{ id: 's', component: sink }] },
      { maxInFlightBatches: 2 },
    );
    let maxAhead = 0;
    pipeline.findings.subscribe(() => {
      maxAhead = Math.max(maxAhead, source.pulled.length - sink.received.length);
    });
    await pipeline.run();
    expect(sink.received).toHaveLength(12);
    expect(sink.maxInFlight).toBe(1);
    expect(maxAhead).toBeLessThanOrEqual(2);
  });

  it('takes the watermark as the minimum over partitions, so a lagging region is not late', async () => {
    // us-east-1 is read up to minute 600 before us-west-2 starts at minute 0 (one prefix after another).
    const east = Array.from({ length: 5 }, (_, i) => [event(i * 150, 'InvokeModel', 'us-east-1')]);
    const west = Array.from({ length: 3 }, (_, i) => [event(i * 10, 'InvokeModel', 'us-west-2')]);
    const detector = new InvokeDetector();
    const result = await new Pipeline(
      {
        sources: [{ id: 'mem', component: new ArraySource([...east, ...west]) }],
        detectors: [{ id: 'invoke', component: detector }],
        sinks: [{ id: 's', component: new SlowSink() }],
      },
      { allowedLateness: 15 * MINUTE },
    ).run();
    expect(result.late).toBe(0);
    expect(Math.max(...detector.watermarks)).toBe(T0 + 600 * MINUTE - 15 * MINUTE);
  });

  it('holds acks until the watermark passes a batch by the detectors span, in order', async () => {
    const batches = Array.from({ length: 10 }, (_, i) => [event(i * 10, 'InvokeModel')]);
    const source = new ArraySource(batches);
    const controller = new AbortController();
    const pipeline = new Pipeline(
      { sources: [{ id: 'mem', component: source }], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [{ id: 's', component: new SlowSink() }] },
      { allowedLateness: 15 * MINUTE, checkpointEvery: 1 },
    );
    pipeline.findings.subscribe((f) => {
      if (f.time.startsWith('2026-01-01T01:30')) controller.abort();
    });
    const result = await pipeline.run(controller.signal);
    // Drained at minute 90: watermark 75, span 15 → batches with events before minute 60 are retired.
    expect(result.drained).toBe(true);
    expect(source.acked).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('caps how long checkpoints wait for a long-span detector at maxReplaySpan', async () => {
    const weekLong = Object.assign(new InvokeDetector(), { span: 7 * 24 * 60 * MINUTE });
    const source = new ArraySource(Array.from({ length: 10 }, (_, i) => [event(i * 30, 'InvokeModel')]));
    const controller = new AbortController();
    const pipeline = new Pipeline(
      { sources: [{ id: 'mem', component: source }], detectors: [{ id: 'week', component: weekLong }], sinks: [{ id: 's', component: new SlowSink() }] },
      { allowedLateness: 15 * MINUTE, checkpointEvery: 1, maxReplaySpan: 60 * MINUTE },
    );
    pipeline.findings.subscribe((f) => {
      if (f.time.startsWith('2026-01-01T04:30')) controller.abort();
    });
    await pipeline.run(controller.signal);
    // Drained at minute 270: watermark 255, replay span 60 → batches with events before minute 195 are committed.
    expect(source.acked).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('lets progress of skipped input advance the watermark and retire acks', async () => {
    const detector = new InvokeDetector();
    const skipped: SourceBatch[] = Array.from({ length: 6 }, (_, i) => ({
      events: [],
      progress: { time: T0 + (i + 1) * 30 * MINUTE, account: '111122223333', region: 'us-east-1' },
      ack: async () => void acked.push(i),
    }));
    const acked: number[] = [];
    const source: Source = {
      start: async () => {},
      read: async function* () {
        yield { events: [event(0, 'InvokeModel')] };
        yield* skipped;
      },
      shutdown: async () => {},
    };
    const controller = new AbortController();
    const pipeline = new Pipeline(
      { sources: [{ id: 'mem', component: source }], detectors: [{ id: 'invoke', component: detector }], sinks: [{ id: 's', component: new SlowSink() }] },
      { checkpointEvery: 1 },
    );
    const result = await pipeline.run(controller.signal);
    expect(result.drained).toBe(false);
    // Progress to minute 180 moved the watermark to 165 although no event came after minute 0.
    expect(Math.max(...detector.watermarks)).toBe(T0 + 165 * MINUTE);
    expect(acked).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('sorts events within the lateness when ordering is on', async () => {
    const shuffled = [[event(5, 'InvokeModel')], [event(1, 'InvokeModel')], [event(3, 'InvokeModel')], [event(12, "InvokeModel")], [event(2, "InvokeModel")]];
    const detector = new InvokeDetector();
    await new Pipeline(
      { sources: [{ id: 'mem', component: new ArraySource(shuffled) }], detectors: [{ id: 'invoke', component: detector }], sinks: [{ id: 's', component: new SlowSink() }] },
      { ordering: { lateness: 10 * MINUTE } },
    ).run();
    expect(detector.seen.map((id) => Number(id.split('-')[1]))).toEqual([1, 2, 3, 5, 12]);
  });

  it('reports a failing source and keeps the others running', async () => {
    const broken: Source = {
      start: async () => {},
      read: async function* () {
        yield { events: [event(0, 'InvokeModel', 'eu-west-1', 'x')] };
        throw new Error('bucket vanished');
      },
      shutdown: async () => {},
    };
    const sink = new SlowSink();
    const result = await new Pipeline({
      sources: [{ id: 'broken', component: broken }, { id: 'mem', component: new ArraySource([[event(1, 'InvokeModel')]]) }],
      detectors: [{ id: 'invoke', component: new InvokeDetector() }],
      sinks: [{ id: 's', component: sink }],
    }).run();
    expect(result.failures).toEqual([{ component: 'broken', message: 'bucket vanished' }]);
    expect(sink.received).toHaveLength(2);
  });

  it('lets timers and signals run while a source produces without waiting on I/O', async () => {
    // Each batch costs 2 ms of synchronous work, as decoding a file does; nothing in the source awaits real I/O.
    const busy: Source = {
      start: async () => {},
      read: async function* () {
        for (let i = 0; i < 150; i++) {
          const until = performance.now() + 2;
          while (performance.now() < until);
          yield { events: [event(i % 60, 'DescribeInstances', 'us-east-1', `busy-${i}`)] };
        }
      },
      shutdown: async () => {},
    };
    const ticks: number[] = [];
    const began = performance.now();
    const timer = setInterval(() => ticks.push(performance.now() - began), 20);
    await new Pipeline({ sources: [{ id: 'busy', component: busy }], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [{ id: 's', component: new SlowSink() }] }).run();
    const ran = performance.now() - began;
    clearInterval(timer);
    // 300 ms of work: an interval of 20 ms must have fired during it, not only after.
    expect(ticks.filter((t) => t < ran - 50).length).toBeGreaterThan(2);
  });
});

describe('Pipeline observations and status', () => {
  it('observes the numbers its result is built from, and reports each source and sink state', async () => {
    const source = new ArraySource([[event(0, 'InvokeModel'), event(1, 'InvokeModel', 'eu-west-1')], [event(2, 'InvokeModel')]]);
    const sink = new SlowSink();
    const telemetry = new CounterSet();
    const pipeline = new Pipeline({ sources: [{ id: 'mem', component: source }], detectors: [{ id: 'invoke', component: new InvokeDetector() }], sinks: [{ id: 'a', component: sink }] }, { telemetry, id: 'p' });
    expect(pipeline.status().map((s) => [s.id, s.state])).toEqual([['mem', 'new'], ['a', 'new']]);
    await pipeline.start();
    expect(pipeline.status().map((s) => [s.id, s.state])).toEqual([['mem', 'running'], ['a', 'running']]);
    const result = await pipeline.run();

    const observed = (name: string) => telemetry.observed().filter((v) => v.name === name);
    expect(observed('jackwatch.sink.findings.delivered')).toEqual([{ name: 'jackwatch.sink.findings.delivered', labels: { sink: 'a' }, value: result.sinks['a']!.delivered }]);
    expect(observed('jackwatch.sink.findings.accepted').map((v) => v.value)).toEqual([result.sinks['a']!.accepted]);
    expect(telemetry.total('jackwatch.detector.findings', { pipeline: 'p', detector: 'invoke', severity: 'low' })).toBe(result.findings['invoke']);
    expect(observed('jackwatch.source.partition.event_time.lag').map((v) => v.labels)).toEqual([
      { pipeline: 'p', source: 'mem', account: '111122223333', region: 'us-east-1' },
      { pipeline: 'p', source: 'mem', account: '111122223333', region: 'eu-west-1' },
    ]);
    const [lag] = observed('jackwatch.source.event_time.lag');
    expect(lag!.value).toBeGreaterThan(0);
    expect(observed('jackwatch.detector.state.entries')).toEqual([{ name: 'jackwatch.detector.state.entries', labels: { pipeline: 'p', detector: 'invoke' }, value: 0 }]);
    expect(pipeline.status()).toEqual([
      { pipeline: 'p', id: 'mem', kind: 'source', state: 'ended', lagSeconds: expect.any(Number) },
      { pipeline: 'p', id: 'a', kind: 'sink', state: 'running', queued: 0, circuitOpen: false },
    ]);
    expect(observed('jackwatch.component.up').map((v) => [v.labels.component, v.value])).toEqual([['mem', 0], ['a', 1]]);

    await pipeline.shutdown();
    expect(pipeline.status().map((s) => s.state)).toEqual(['stopped', 'stopped']);
  });

  it('marks a source that throws as failed, with its last error masked', async () => {
    const telemetry = new CounterSet();
    const failing: Source = {
      start: async () => {},
      read: async function* () {
        throw new Error('GET https://bucket.example.com/AWSLogs/secret-key?X-Amz-Signature=abc failed');
      },
      shutdown: async () => {},
    };
    const pipeline = new Pipeline({ sources: [{ id: 'bad', component: failing }], detectors: [], sinks: [{ id: 'a', component: new SlowSink() }] }, { telemetry });
    await pipeline.run();
    const [status] = pipeline.status();
    expect(status).toMatchObject({ id: 'bad', state: 'failed', lastError: { message: 'GET https://bucket.example.com/*** failed' } });
  });
});

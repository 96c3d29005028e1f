import { EMPTY, type Observable, Subject, catchError, concatMap, from, lastValueFrom, map, merge, tap } from 'rxjs';
import type { SourceBatch } from '../component/source.ts';
import { ConfigError } from '../config/config-error.ts';
import type { Finding } from '../finding/finding.ts';
import { silentLogger, type Logger } from '../services/logger.ts';
import { CounterSet, type Telemetry } from '../services/telemetry.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import { AccountedSink } from './accounted-sink.ts';
import { AckLedger } from './ack-ledger.ts';
import { ComponentStartError } from './component-start-error.ts';
import type { ComponentState, ComponentStatus } from './component-status.ts';
import { CountingErrorReporter } from './counting-error-reporter.ts';
import { Credits, gated } from './credits.ts';
import { DetectionEngine } from './detection-engine.ts';
import type { Named, PipelineOptions, PipelineParts } from './pipeline-parts.ts';
import type { PipelineResult } from './pipeline-result.ts';
import { lagByPartition, lagBySource } from './lag-by-partition.ts';
import { observePipeline, type ObservedPipeline } from './observe-pipeline.ts';
import { RejectionReporter } from './rejection-reporter.ts';
import { summarize } from './summarize.ts';
import { METRICS } from '../services/metric-catalog.ts';

const FIFTEEN_MINUTES = 15 * 60_000;
const ONE_HOUR = 60 * 60_000;

interface Detected {
  readonly source: string;
  readonly batch: SourceBatch;
  readonly findings: Finding[];
  readonly maxTime: number;
}

/**
 * One running pipeline: pulls batches from its sources (at most
 * `maxInFlightBatches` ahead of the sinks), passes them through processors,
 * tracks the watermark, optionally reorders, routes each event to the
 * detectors that can match it, hands findings to every sink, and commits
 * source checkpoints once their findings were delivered.
 *
 * A library object: no process exits, no console output, no global state.
 *
 * @example
 * ```ts
 * const pipeline = new Pipeline({ sources, detectors, sinks }, { allowedLateness: 15 * 60_000 });
 * pipeline.findings.subscribe((f) => metrics.count(f.detector.id));
 * await pipeline.start();
 * const result = await pipeline.run(abortController.signal);
 * await pipeline.shutdown();
 * ```
 */
export class Pipeline {
  readonly #parts: PipelineParts;
  /** The sinks, each behind an {@link AccountedSink} so that every one accounts, stats or not. */
  readonly #sinks: readonly Named<AccountedSink>[];
  readonly #id: string;
  readonly #telemetry: Telemetry;
  readonly #logger: Logger;
  readonly #errors: ErrorReporter;
  readonly #engine: DetectionEngine;
  readonly #ledger: AckLedger;
  readonly #options: PipelineOptions;
  readonly #findings = new Subject<Finding>();
  #collected: Finding[] = [];
  #retiredSinceFlush = 0;
  #late = 0;
  #starting: Promise<void> | undefined;
  #shutdown: Promise<void> | undefined;
  #sinksShutDown = false;
  #lastRun: { readonly drained: boolean; readonly durationMs: number } = { drained: false, durationMs: 0 };
  readonly #failures: { component: string; message: string }[] = [];
  /** Sources' and sinks' states, for the status page and `jackwatch.component.up`. */
  readonly #states = new Map<string, ComponentState>();
  /** What the telemetry observes of this pipeline; it holds this weakly, so the pipeline keeps it. */
  readonly #observed: ObservedPipeline;

  constructor(parts: PipelineParts, options: PipelineOptions = {}) {
    this.#parts = parts;
    this.#sinks = parts.sinks.map(({ id, component }) => ({ id, component: AccountedSink.of(component) }));
    this.#options = options;
    this.#id = options.id ?? 'default';
    this.#telemetry = options.telemetry ?? new CounterSet();
    this.#logger = (options.logger ?? silentLogger).child({ pipeline: this.#id });
    this.#errors = CountingErrorReporter.wrap(options.errors ?? new RejectionReporter(this.#telemetry, this.#logger), this.#telemetry);
    this.#engine = new DetectionEngine(
      parts.detectors,
      {
        allowedLateness: options.allowedLateness ?? FIFTEEN_MINUTES,
        ordering: options.ordering,
        orderingCapacity: options.orderingCapacity,
        telemetry: this.#telemetry,
        labels: { pipeline: this.#id },
      },
      (finding) => void this.#collected.push(finding),
    );
    const detectors = parts.detectors.map((d) => d.component);
    this.#ledger = new AckLedger(Math.min(Math.max(0, ...detectors.map((d) => d.span)), options.maxReplaySpan ?? ONE_HOUR));
    for (const { id } of [...parts.sources, ...this.#sinks]) this.#states.set(id, 'new');
    this.#observed = {
      id: this.#id,
      sinks: this.#sinks,
      detectors: parts.detectors,
      watermark: () => this.#engine.watermark,
      partitions: () => this.#engine.partitionTimes(),
      states: this.#states,
      now: Date.now,
    };
    observePipeline(this.#telemetry, this.#observed);
  }

  /** Every finding, as it is handed to the sinks. Completes when the run ends. */
  get findings(): Observable<Finding> {
    return this.#findings.asObservable();
  }

  /**
   * Starts sinks, then sources: a bad bucket, path or endpoint fails here, before any reading, with a
   * {@link ComponentStartError} naming the component (a `ConfigError` as it is).
   */
  start(): Promise<void> {
    // Idempotent, like shutdown: a second call (or run after start) waits for the same start.
    this.#starting ??= (async () => {
      for (const { id, component } of this.#sinks) await this.#startOne('sink', id, component);
      for (const { id, component } of this.#parts.sources) await this.#startOne('source', id, component);
    })();
    return this.#starting;
  }

  async #startOne(kind: 'source' | 'sink', id: string, component: { start(): Promise<void> }): Promise<void> {
    try {
      await component.start();
    } catch (error) {
      this.#states.set(id, 'failed');
      throw error instanceof ConfigError ? error : new ComponentStartError(kind, id, error);
    }
    this.#states.set(id, 'running');
  }

  /**
   * Runs until every source has ended (finite input) or `signal` aborts
   * (drain: stop reading, finish what is in flight, shut the sinks down —
   * each within its own shutdown deadline — then commit).
   */
  async run(signal: AbortSignal = new AbortController().signal): Promise<PipelineResult> {
    await this.start();
    const startedAt = performance.now();
    const credits = new Credits(this.#options.maxInFlightBatches ?? 8);
    const batches = this.#parts.sources.map(({ id, component }) =>
      from(gated(component.read(signal), credits)).pipe(
        map((batch) => ({ source: id, batch })),
        tap({ complete: () => this.#states.set(id, 'ended') }),
        catchError((error: unknown) => {
          this.#states.set(id, 'failed');
          this.#failures.push({ component: id, message: error instanceof Error ? error.message : String(error) });
          this.#errors.error(id, error);
          return EMPTY;
        }),
      ),
    );
    const delivered = merge(...batches).pipe(
      map(({ source, batch }) => this.#detect(source, batch)),
      concatMap(async (detected) => {
        try {
          await this.#deliver(detected);
        } finally {
          credits.release();
        }
      }),
    );
    await lastValueFrom(delivered, { defaultValue: undefined });
    await this.#finish(signal.aborted);
    this.#lastRun = { drained: signal.aborted, durationMs: performance.now() - startedAt };
    return this.result();
  }

  /**
   * The last run's result with every counter as it is now. `run` returns it
   * when the run ends; read it again after `shutdown()` to include what
   * shutdown delivered, dead-lettered or lost and the errors it reported
   * (the agent's exit code does).
   */
  result(): PipelineResult {
    return summarize({
      pipeline: this.#id,
      drained: this.#lastRun.drained,
      telemetry: this.#telemetry,
      sources: this.#parts.sources.map((s) => s.id),
      processors: (this.#parts.processors ?? []).map((p) => p.id),
      detectors: this.#parts.detectors.map((d) => d.id),
      sinks: this.#sinks,
      late: this.#late,
      failures: this.#failures,
      durationMs: this.#lastRun.durationMs,
    });
  }

  /**
   * Each source's and sink's state now, with its last error, a source's
   * event-time lag, a sink's queue and circuit: what the agent's status page
   * shows. Cheap enough to call per request.
   */
  status(): ComponentStatus[] {
    const errors = this.#telemetry.lastErrors();
    const lags = lagBySource(lagByPartition(this.#engine.partitionTimes(), Date.now()));
    const open = new Set<string>();
    for (const value of this.#telemetry.observed()) {
      if (value.name === METRICS.sinkCircuitOpen.name && value.value > 0 && value.labels.sink !== undefined) open.add(value.labels.sink);
    }
    const status = (id: string, kind: 'source' | 'sink') => ({
      pipeline: this.#id,
      id,
      kind,
      state: this.#states.get(id) ?? 'new',
      ...(errors.has(id) ? { lastError: errors.get(id)! } : {}),
    });
    return [
      ...this.#parts.sources.map(({ id }) => ({ ...status(id, 'source'), ...(lags.has(id) ? { lagSeconds: lags.get(id)! } : {}) })),
      ...this.#sinks.map(({ id, component }) => ({ ...status(id, 'sink'), queued: component.stats().queued, circuitOpen: open.has(id) })),
    ];
  }

  /** Shuts every component down; idempotent, safe without `start`. */
  shutdown(): Promise<void> {
    this.#shutdown ??= (async () => {
      // Sinks a drain already shut down (and whose failures it reported) are not shut down twice.
      const sinks = this.#sinksShutDown ? [] : this.#sinks;
      const all = [...this.#parts.sources, ...(this.#parts.processors ?? []), ...sinks];
      const results = await Promise.allSettled(all.map(({ component }) => component.shutdown()));
      results.forEach((result, i) => {
        if (result.status === 'rejected') this.#errors.error(all[i]!.id, result.reason);
      });
      for (const [id, state] of this.#states) if (state !== 'failed') this.#states.set(id, 'stopped');
      this.#findings.complete();
    })();
    return this.#shutdown;
  }

  #detect(source: string, batch: SourceBatch): Detected {
    let events = batch.events;
    this.#telemetry.add(METRICS.eventsRead.name, events.length, { pipeline: this.#id, source });
    for (const { component } of this.#parts.processors ?? []) events = component.process(events);
    let maxTime = batch.progress?.time ?? Number.NEGATIVE_INFINITY;
    for (const event of events) if (event.time > maxTime) maxTime = event.time;
    this.#late += this.#engine.push(events, source, batch.progress);
    const findings = this.#collected;
    this.#collected = [];
    return { source, batch, findings, maxTime };
  }

  async #deliver({ batch, findings, maxTime }: Detected): Promise<void> {
    await this.#export(findings);
    this.#ledger.add(batch.ack, maxTime);
    if (!this.#ledger.hasRetired(this.#engine.watermark)) return;
    this.#retiredSinceFlush++;
    if (this.#retiredSinceFlush >= (this.#options.checkpointEvery ?? 64)) await this.#commit(this.#engine.watermark);
  }

  async #export(findings: readonly Finding[]): Promise<void> {
    if (findings.length === 0) return;
    // Only when someone listens: a Subject copies its list of observers on every `next`.
    if (this.#findings.observed) for (const finding of findings) this.#findings.next(finding);
    await Promise.all(
      this.#sinks.map(async ({ id, component }) => {
        try {
          await component.export(findings);
        } catch (error) {
          this.#telemetry.add(METRICS.sinkExportFailed.name, findings.length, { sink: id });
          this.#errors.error(id, error, { findings: findings.length });
        }
      }),
    );
  }

  /** Flushes sinks, then runs the acks of retired batches in order. */
  async #commit(watermark: number): Promise<void> {
    this.#retiredSinceFlush = 0;
    await this.#flushSinks();
    await this.#runAcks(watermark);
  }

  /** Runs, in order, the acks of the batches `watermark` retired. */
  async #runAcks(watermark: number): Promise<void> {
    for (const ack of this.#ledger.takeRetired(watermark)) {
      try {
        await ack();
      } catch (error) {
        this.#errors.error(this.#id, error, { stage: 'checkpoint' });
      }
    }
  }

  #flushSinks(): Promise<void> {
    return this.#eachSink('flush', (sink) => sink.forceFlush());
  }

  // Runs `call` on every sink at once; a sink that fails it is reported with `stage`, the others go on.
  async #eachSink(stage: string, call: (sink: AccountedSink) => Promise<void>): Promise<void> {
    await Promise.all(
      this.#sinks.map(async ({ id, component }) => {
        try {
          await call(component);
        } catch (error) {
          this.#errors.error(id, error, { stage });
        }
      }),
    );
  }

  /**
   * End of input: everything buffered goes through the detectors and out. A
   * drained run commits only batches the watermark retired, so a restart
   * re-reads what detector state still needed (same finding ids).
   */
  async #finish(drained: boolean): Promise<void> {
    if (!drained) this.#engine.finish();
    const findings = this.#collected;
    this.#collected = [];
    await this.#export(findings);
    if (drained) {
      // A drain ends promptly: each sink's shutdown delivers within its own deadline and dead-letters
      // the rest, where a flush would wait out every retry of a receiver that is down. Either way every
      // finding is delivered, dead-lettered or counted lost before the acks below run.
      await this.#shutdownSinks();
      await this.#runAcks(this.#engine.watermark);
      return;
    }
    await this.#commit(Number.POSITIVE_INFINITY);
  }

  #shutdownSinks(): Promise<void> {
    this.#sinksShutDown = true;
    return this.#eachSink('shutdown', (sink) => sink.shutdown());
  }
}

export type { Named };

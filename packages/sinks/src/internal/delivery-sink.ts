import type { ComponentContext, Finding, Sink, SinkStats } from '@jackwatch/core';
import type { BatchTransport } from './batch-transport.ts';
import { CircuitBreaker } from './circuit-breaker.ts';
import type { DeadLetterFile } from './dead-letter-file.ts';
import { deliverBatch } from './deliver-batch.ts';
import type { DeliverySettings } from './delivery-config.ts';
import { EvidenceGuard } from './evidence-guard.ts';
import { FindingQueue } from './finding-queue.ts';
import { Wakeup } from './wakeup.ts';
import { METRICS } from '@jackwatch/core';

type State = 'new' | 'running' | 'closing' | 'closed';
interface FlushWaiter {
  readonly target: number;
  readonly resolve: () => void;
}

/**
 * The delivery engine behind the webhook and otlp sinks: a bounded queue
 * (awaiting `export` is the pipeline's backpressure), batches by size and
 * age, retries with backoff, and a dead-letter file for what finally fails.
 * One batch is in flight at a time, so findings leave in the order they came.
 * Findings are bounded as they are accepted (see `safeFinding`): one whose
 * evidence cannot be serialised travels with markers instead, so it is
 * delivered (or dead-lettered) like any other and never costs its batch.
 * While the receiver is down (see {@link CircuitBreaker}), batches go
 * straight to the dead-letter file between probes.
 *
 * Accounting: `accepted = delivered + deadLettered + lost + queued` at every
 * moment (`queued` includes the batch in flight), read through `stats()`,
 * which the runtime exports as the sink's metrics. Telemetry counts
 * `jackwatch.sink.circuit.opened` and observes `jackwatch.sink.circuit.open`
 * (1 while open), labelled `{ sink: id }`.
 */
export class DeliverySink implements Sink {
  readonly #context: ComponentContext;
  readonly #settings: DeliverySettings;
  readonly #transport: BatchTransport;
  readonly #deadLetters: DeadLetterFile;
  readonly #queue: FindingQueue;
  readonly #wakeup: Wakeup;
  readonly #deadline = new AbortController();
  readonly #labels: { sink: string };
  readonly #breaker: CircuitBreaker;
  readonly #guard: EvidenceGuard;
  #state: State = 'new';
  #draining = false;
  #intake: Promise<void> = Promise.resolve();
  #loop: Promise<void> = Promise.resolve();
  #shutdown: Promise<void> | undefined;
  #flushWaiters: FlushWaiter[] = [];
  #accepted = 0;
  #delivered = 0;
  #retried = 0;
  #deadLettered = 0;
  #lost = 0;

  constructor(context: ComponentContext, settings: DeliverySettings, transport: BatchTransport, deadLetters: DeadLetterFile) {
    this.#context = context;
    this.#settings = settings;
    this.#transport = transport;
    this.#deadLetters = deadLetters;
    this.#queue = new FindingQueue(settings.queueSize);
    this.#wakeup = new Wakeup(context.clock);
    this.#labels = { sink: context.id };
    this.#breaker = new CircuitBreaker(settings.circuitBreaker);
    this.#guard = new EvidenceGuard(context, settings.maxEvidenceSize);
    context.telemetry.observe(METRICS.sinkCircuitOpen.name, (record) => record(this.#breaker.isOpen ? 1 : 0, this.#labels));
    this.#deadline.signal.addEventListener('abort', () => this.#wakeup.notify(), { once: true });
  }

  /** Checks the dead-letter path and opens the transport; throws on bad configuration. */
  async start(): Promise<void> {
    if (this.#state !== 'new') throw new Error(`sink ${this.#context.id} was already started`);
    await this.#deadLetters.prepare();
    await this.#transport.start();
    this.#state = 'running';
    this.#loop = this.#run().catch((error: unknown) => {
      // Unreachable by design (#run handles every failure); reported rather than left floating.
      this.#context.errors.error(this.#context.id, error, { stage: 'delivery loop' });
    });
  }

  /** Resolves once every finding is in the queue; waits for room while it is full. */
  export(findings: readonly Finding[]): Promise<void> {
    if (this.#state !== 'running') {
      return Promise.reject(new Error(`sink ${this.#context.id} is ${this.#state === 'new' ? 'not started' : 'shut down'}`));
    }
    const accepted = this.#intake.then(() => this.#accept(findings));
    this.#intake = accepted.catch(() => undefined);
    return accepted;
  }

  /** Resolves once everything accepted so far was delivered or dead-lettered. */
  forceFlush(): Promise<void> {
    const target = this.#accepted;
    if (this.#settled() >= target || this.#state === 'new' || this.#state === 'closed') return Promise.resolve();
    return new Promise((resolve) => {
      this.#flushWaiters.push({ target, resolve });
      this.#wakeup.notify();
    });
  }

  /** Stops intake, delivers what is queued within `shutdownTimeout`, dead-letters the rest, closes. Idempotent. */
  shutdown(): Promise<void> {
    this.#shutdown ??= this.#close();
    return this.#shutdown;
  }

  /** Delivery accounting so far. */
  stats(): SinkStats {
    return {
      accepted: this.#accepted,
      delivered: this.#delivered,
      retried: this.#retried,
      deadLettered: this.#deadLettered,
      queued: this.#queue.size,
      lost: this.#lost,
    };
  }

  async #close(): Promise<void> {
    const wasRunning = this.#state === 'running';
    this.#state = 'closing';
    if (wasRunning) {
      const timer = new AbortController();
      void this.#context.clock
        .sleep(this.#settings.shutdownTimeout, timer.signal)
        .then(() => this.#deadline.abort(new Error('shutdown deadline')))
        .catch(() => undefined);
      await this.#intake;
      this.#draining = true;
      this.#wakeup.notify();
      await this.#loop;
      timer.abort();
    }
    await this.#transport.shutdown().catch((error: unknown) => this.#context.errors.error(this.#context.id, error, { stage: 'shutdown' }));
    this.#state = 'closed';
    this.#releaseFlushWaiters();
    const { queued, deadLettered } = this.stats();
    if (queued > 0 || this.#lost > 0) {
      this.#context.logger.error('sink shut down with undelivered findings', { queued, lost: this.#lost, deadLettered });
    }
  }

  async #accept(given: readonly Finding[]): Promise<void> {
    const findings = this.#guard.bound(given);
    let offset = 0;
    while (offset < findings.length) {
      await this.#queue.waitForRoom();
      const taken = this.#queue.push(findings, offset, this.#context.clock.now());
      offset += taken;
      this.#accepted += taken;
      this.#wakeup.notify();
    }
  }

  async #run(): Promise<void> {
    for (;;) {
      if (this.#queue.size === 0) {
        if (this.#draining) return;
        await this.#wakeup.wait();
        continue;
      }
      const waitMs = this.#msUntilDue();
      if (waitMs > 0) {
        await this.#wakeup.wait(waitMs);
        continue;
      }
      const batch = this.#queue.peek(this.#settings.batch.maxFindings);
      const outcome = await this.#deliver(batch).catch((error: unknown) => {
        // Not expected (#deliver handles every failure); if it happens the batch is counted lost and the loop goes on.
        this.#context.errors.error(this.#context.id, error, { stage: 'delivery', findingIds: batch.map((finding) => finding.id) });
        return 'lost' as const;
      });
      // Counting and removing in one synchronous step keeps accepted = delivered + deadLettered + queued exact.
      if (outcome === 'delivered') this.#delivered += batch.length;
      else if (outcome === 'dead_lettered') this.#deadLettered += batch.length;
      else this.#lost += batch.length;
      this.#queue.remove(batch.length);
      this.#releaseFlushWaiters();
    }
  }

  /** 0 when a batch should leave now, else how long until the oldest finding has waited `maxWait`. */
  #msUntilDue(): number {
    const full = this.#queue.size >= this.#settings.batch.maxFindings || this.#queue.blocked;
    if (full || this.#draining || this.#flushWaiters.length > 0 || this.#deadline.signal.aborted) return 0;
    const oldest = this.#queue.oldestAcceptedAt() ?? this.#context.clock.now();
    return Math.max(0, oldest + this.#settings.batch.maxWait - this.#context.clock.now());
  }

  async #deliver(batch: readonly Finding[]): Promise<'delivered' | 'dead_lettered' | 'lost'> {
    const admission = this.#breaker.admit(this.#context.clock.now());
    if (admission === 'dead-letter') return this.#deadLetter(batch, `receiver down (circuit open): ${this.#breaker.reason}`, 0);
    const outcome = await deliverBatch(batch, {
      transport: this.#transport,
      clock: this.#context.clock,
      maxRetries: admission === 'probe' ? 0 : this.#settings.maxRetries,
      backoff: this.#settings.backoff,
      signal: this.#deadline.signal,
      onRetry: (attempt, reason, delayMs) => {
        this.#retried += 1;
        this.#context.logger.warn('delivery failed, retrying', { attempt, reason, delayMs, findings: batch.length });
      },
    });
    if (outcome.delivered) {
      if (this.#breaker.delivered()) this.#context.logger.info('receiver is back: circuit closed', { findings: batch.length });
      return 'delivered';
    }
    if (this.#breaker.gaveUp(this.#context.clock.now(), outcome.reason)) {
      const { failures, probeInterval } = this.#settings.circuitBreaker;
      this.#context.telemetry.add(METRICS.sinkCircuitOpened.name, 1, this.#labels);
      const message = `receiver down after ${failures} failed batches in a row (circuit open): findings go to the dead-letter file, one batch is tried every ${probeInterval} ms`;
      // Nothing is lost: the dead-letter file takes the findings; the summary shows them and redeliver sends them.
      this.#context.logger.warn(message, { reason: outcome.reason });
    }
    return this.#deadLetter(batch, outcome.reason, outcome.attempts);
  }

  async #deadLetter(batch: readonly Finding[], reason: string, attempts: number): Promise<'dead_lettered' | 'lost'> {
    const ids = batch.map((finding) => finding.id);
    const file = this.#deadLetters.path;
    try {
      await this.#deadLetters.append(this.#context.id, batch, reason, attempts, this.#context.clock.now());
      this.#context.logger.warn(`${batch.length} finding(s) dead-lettered: ${reason}`, { file, attempts, findingIds: ids });
      return 'dead_lettered';
    } catch (error) {
      const message = `${batch.length} finding(s) lost: cannot write the dead-letter file: ${error instanceof Error ? error.message : String(error)}`;
      this.#context.errors.error(this.#context.id, new Error(message, { cause: error }), { file, findingIds: ids, reason });
      return 'lost';
    }
  }

  #settled(): number {
    return this.#delivered + this.#deadLettered + this.#lost;
  }

  #releaseFlushWaiters(): void {
    const settled = this.#settled();
    const closed = this.#state === 'closed';
    const remaining: FlushWaiter[] = [];
    for (const waiter of this.#flushWaiters) {
      if (closed || settled >= waiter.target) waiter.resolve();
      else remaining.push(waiter);
    }
    this.#flushWaiters = remaining;
  }
}

import type { Clock } from '../services/clock.ts';

/** How a {@link ManualClock} treats `sleep`. */
export interface ManualClockOptions {
  /**
   * When true, each `sleep` moves the time forward by its duration and
   * resolves on the next turn of the event loop: backoffs, poll intervals and
   * batch waits cost nothing, and {@link ManualClock.sleeps} still records
   * them. When false (the default) a sleeper waits until the test moves the
   * time past its deadline ({@link ManualClock.advance},
   * {@link ManualClock.wakeSleepers}).
   */
  readonly autoAdvance?: boolean;
}

interface Sleeper {
  readonly until: number;
  readonly resolve: () => void;
}

/**
 * A {@link Clock} whose time moves only when the test says so, for sources
 * and sinks whose polls, retries and timeouts must happen at exactly the
 * moment a test chooses — no real waiting, no timing in assertions.
 *
 * @example
 * ```ts
 * const clock = new ManualClock(Date.UTC(2026, 0, 1));
 * const context = testContext('file', { clock });
 * const reading = source.read(signal)[Symbol.asyncIterator]().next();
 * await clock.whenSleeping(); // the source finished a poll and waits for the next
 * clock.advance(10_000);      // the poll interval passes
 * ```
 */
export class ManualClock implements Clock {
  #now: number;
  readonly #autoAdvance: boolean;
  readonly #sleepers: Sleeper[] = [];
  readonly #sleepWaiters: Array<() => void> = [];
  /** Every sleep asked for, in ms, in order. */
  readonly sleeps: number[] = [];

  /** Starts at `start` (epoch ms; 0 unless given). */
  constructor(start = 0, options: ManualClockOptions = {}) {
    this.#now = start;
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    if (this.#autoAdvance) {
      this.#now += Math.max(0, ms);
      this.#notifySleepWaiters();
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = { until: this.#now + Math.max(0, ms), resolve };
      this.#sleepers.push(sleeper);
      signal?.addEventListener(
        'abort',
        () => {
          const index = this.#sleepers.indexOf(sleeper);
          if (index < 0) return;
          this.#sleepers.splice(index, 1);
          reject(signal.reason);
        },
        { once: true },
      );
      this.#notifySleepWaiters();
    });
  }

  /** Resolves once something sleeps on this clock: now, or as soon as it does. */
  whenSleeping(): Promise<void> {
    if (this.#sleepers.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.#sleepWaiters.push(resolve));
  }

  /** Moves the time forward by `ms` and wakes every sleeper whose deadline it reached. */
  advance(ms: number): void {
    this.#now += Math.max(0, ms);
    const due = this.#sleepers.filter((sleeper) => sleeper.until <= this.#now);
    for (const sleeper of due) {
      this.#sleepers.splice(this.#sleepers.indexOf(sleeper), 1);
      sleeper.resolve();
    }
  }

  /** Moves the time to the latest deadline of the current sleepers, waking them all. */
  wakeSleepers(): void {
    const latest = Math.max(this.#now, ...this.#sleepers.map((sleeper) => sleeper.until));
    this.advance(latest - this.#now);
  }

  #notifySleepWaiters(): void {
    for (const waiter of this.#sleepWaiters.splice(0)) waiter();
  }
}

import type { Clock } from '@jackwatch/core';

/**
 * A clock whose time only moves when told. With `autoAdvance`, each `sleep`
 * moves time forward by its duration and resolves at once (backoff and poll
 * waits cost nothing); without, a sleeper waits until the test calls
 * {@link ManualClock.advance} past its deadline.
 */
export class ManualClock implements Clock {
  #now: number;
  readonly #autoAdvance: boolean;
  readonly #sleepers: { until: number; resolve: () => void }[] = [];
  readonly #sleepWaiters: (() => void)[] = [];
  /** Every sleep asked for, in ms. */
  readonly sleeps: number[] = [];

  constructor(start: number, options: { autoAdvance?: boolean } = {}) {
    this.#now = start;
    this.#autoAdvance = options.autoAdvance ?? false;
  }

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.sleeps.push(ms);
    if (signal?.aborted) return Promise.reject(signal.reason);
    if (this.#autoAdvance) {
      this.#now += ms;
      return new Promise((resolve) => setImmediate(resolve));
    }
    return new Promise((resolve, reject) => {
      const sleeper = { until: this.#now + ms, resolve };
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
      for (const waiter of this.#sleepWaiters.splice(0)) waiter();
    });
  }

  /** Resolves once something sleeps on this clock (now, or as soon as it does). */
  whenSleeping(): Promise<void> {
    if (this.#sleepers.length > 0) return Promise.resolve();
    return new Promise((resolve) => this.#sleepWaiters.push(resolve));
  }

  /** Moves time forward and wakes the sleepers whose deadline passed. */
  advance(ms: number): void {
    this.#now += ms;
    for (const sleeper of [...this.#sleepers]) {
      if (sleeper.until <= this.#now) {
        this.#sleepers.splice(this.#sleepers.indexOf(sleeper), 1);
        sleeper.resolve();
      }
    }
  }
}

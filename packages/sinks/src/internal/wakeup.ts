import type { Clock } from '@jackwatch/core';

/**
 * Lets one waiter sleep until a timeout or until someone calls `notify()`.
 * A notification that arrives while nobody waits is remembered, so a wake-up
 * between "check the queue" and "wait" is never lost.
 */
export class Wakeup {
  readonly #clock: Clock;
  #current: AbortController | undefined;
  #pending = false;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Wakes the current (or next) waiter. */
  notify(): void {
    if (this.#current) this.#current.abort();
    else this.#pending = true;
  }

  /** Resolves after `ms` (forever when `undefined`) or on `notify()`, whichever comes first. Never rejects. */
  async wait(ms?: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return;
    }
    const controller = new AbortController();
    this.#current = controller;
    const notified = new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve(), { once: true }));
    try {
      if (ms === undefined) await notified;
      else await Promise.race([notified, this.#clock.sleep(ms, controller.signal).catch(() => undefined)]);
    } finally {
      if (this.#current === controller) this.#current = undefined;
      controller.abort(); // clears the sleep timer when the timeout did not fire
    }
  }
}

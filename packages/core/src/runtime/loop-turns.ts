import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Gives the event loop a turn at least every `everyMs` of a producer that
 * never waits on I/O itself (a source decoding files read synchronously, an
 * in-memory source): promise chains alone run as microtasks and would
 * starve timers, signal handlers and sockets — a drain on SIGINT, a sink's
 * flush timer, an HTTP response — until the input ends.
 */
export class LoopTurns {
  readonly #everyMs: number;
  #last = performance.now();

  constructor(everyMs = 10) {
    this.#everyMs = everyMs;
  }

  /** `undefined` when the loop had a turn recently enough; otherwise a promise of the next turn. */
  due(): Promise<void> | undefined {
    const now = performance.now();
    if (now - this.#last < this.#everyMs) return undefined;
    this.#last = now;
    return nextTurn();
  }
}

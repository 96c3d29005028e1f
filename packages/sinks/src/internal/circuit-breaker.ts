/** When a receiver counts as down, and how often it is tried again. */
export interface CircuitSettings {
  /** Batches given up in a row that open the circuit; 0 never opens it. */
  readonly failures: number;
  /** While open, one batch is tried (once, without retries) this often (ms). */
  readonly probeInterval: number;
}

/** How the next batch is to be sent. */
export type Admission = 'deliver' | 'probe' | 'dead-letter';

/**
 * Stops a sink from spending its full retry schedule on every batch while
 * its receiver is down (the pipeline would crawl, one batch per schedule):
 * after `failures` batches in a row were given up, the circuit opens and new
 * batches go straight to the dead-letter file — nothing is dropped, and
 * `jackwatch redeliver` sends them later — except one probe attempt every
 * `probeInterval`. A delivered probe closes the circuit.
 */
export class CircuitBreaker {
  readonly #settings: CircuitSettings;
  #failuresInARow = 0;
  #open = false;
  #nextProbeAt = 0;
  #lastReason = '';

  constructor(settings: CircuitSettings) {
    this.#settings = settings;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Why it opened: the last failure seen. */
  get reason(): string {
    return this.#lastReason;
  }

  /** How to send a batch at `now`; a probe is handed out once per interval. */
  admit(now: number): Admission {
    if (!this.#open) return 'deliver';
    if (now < this.#nextProbeAt) return 'dead-letter';
    this.#nextProbeAt = now + this.#settings.probeInterval;
    return 'probe';
  }

  /** A batch went through; returns true when that closed the circuit. */
  delivered(): boolean {
    const wasOpen = this.#open;
    this.#failuresInARow = 0;
    this.#open = false;
    return wasOpen;
  }

  /** A batch was given up (retries spent, or a failure not worth retrying); returns true when that opened the circuit. */
  gaveUp(now: number, reason: string): boolean {
    this.#lastReason = reason;
    this.#failuresInARow++;
    if (this.#open || this.#settings.failures === 0 || this.#failuresInARow < this.#settings.failures) return false;
    this.#open = true;
    this.#nextProbeAt = now + this.#settings.probeInterval;
    return true;
  }
}

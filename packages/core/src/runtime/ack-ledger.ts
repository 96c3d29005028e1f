interface PendingAck {
  readonly ack: (() => Promise<void>) | undefined;
  readonly maxTime: number;
}

/**
 * Holds batch acknowledgements until it is safe to commit them: in the order
 * the batches arrived, and only once the watermark has passed a batch's
 * newest event by the detectors' longest span (so no future finding can
 * still need those events) — or at the end of input. The caller flushes the
 * sinks before running what {@link takeRetired} returns, so a checkpoint is
 * written only after its findings were delivered.
 */
export class AckLedger {
  readonly #pending: PendingAck[] = [];
  #head = 0;
  readonly #span: number;

  /** @param span the longest event-time span any detector keeps state for (ms). */
  constructor(span: number) {
    this.#span = span;
  }

  /** Batches waiting to be acknowledged. */
  get size(): number {
    return this.#pending.length - this.#head;
  }

  add(ack: (() => Promise<void>) | undefined, maxTime: number): void {
    this.#pending.push({ ack, maxTime });
  }

  /** True when the oldest pending batch can be retired at `watermark`. */
  hasRetired(watermark: number): boolean {
    const first = this.#pending[this.#head];
    return first !== undefined && first.maxTime + this.#span < watermark;
  }

  /** Removes and returns, in order, the acks of batches retired at `watermark` (all of them at end of input: `Infinity`). */
  takeRetired(watermark: number): Array<() => Promise<void>> {
    const acks: Array<() => Promise<void>> = [];
    while (this.#head < this.#pending.length) {
      const next = this.#pending[this.#head]!;
      if (!(next.maxTime + this.#span < watermark) && watermark !== Number.POSITIVE_INFINITY) break;
      if (next.ack) acks.push(next.ack);
      this.#head++;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#pending.length) {
      this.#pending.splice(0, this.#head);
      this.#head = 0;
    }
    return acks;
  }
}

import type { Sink, SinkStats } from '../component/sink.ts';
import type { Finding } from '../finding/finding.ts';

/** Sink stats with every outcome present. */
export type CompleteSinkStats = SinkStats & { readonly lost: number };

/**
 * A sink as the pipeline sees it: every call goes to `sink`, and `stats()`
 * always answers with accounting that adds up,
 * `accepted = delivered + deadLettered + lost + queued`.
 *
 * For a sink without `stats`, the pipeline's own count is the accounting:
 * findings handed to `export` are accepted, those of a resolved `export`
 * delivered, of a rejected one lost, of a pending one queued. For a sink
 * with `stats`, its numbers are taken, and two gaps are closed as lost:
 * findings whose `export` settled but that the sink never counted as accepted
 * (when that export was rejected; a resolved one counts as delivered), and
 * findings the sink accepted but gives no outcome for.
 */
export class AccountedSink implements Sink {
  readonly #sink: Sink;
  #handed = 0;
  #inFlight = 0;
  #resolved = 0;
  #rejected = 0;

  private constructor(sink: Sink) {
    this.#sink = sink;
  }

  /** `sink` wrapped, or `sink` itself when it already is an {@link AccountedSink}. */
  static of(sink: Sink): AccountedSink {
    return sink instanceof AccountedSink ? sink : new AccountedSink(sink);
  }

  start(): Promise<void> {
    return this.#sink.start();
  }

  async export(findings: readonly Finding[]): Promise<void> {
    const count = findings.length;
    this.#handed += count;
    this.#inFlight += count;
    try {
      await this.#sink.export(findings);
      this.#resolved += count;
    } catch (error) {
      this.#rejected += count;
      throw error;
    } finally {
      this.#inFlight -= count;
    }
  }

  forceFlush(): Promise<void> {
    return this.#sink.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#sink.shutdown();
  }

  stats(): CompleteSinkStats {
    const own = this.#ownStats();
    if (own === undefined) {
      return { accepted: this.#handed, delivered: this.#resolved, retried: 0, deadLettered: 0, queued: this.#inFlight, lost: this.#rejected, countedBy: 'runtime' };
    }
    const lost = own.lost ?? 0;
    const neverAccepted = Math.max(0, this.#handed - this.#inFlight - own.accepted);
    const rejectedUncounted = Math.min(neverAccepted, this.#rejected);
    const withoutOutcome = Math.max(0, own.accepted - own.delivered - own.deadLettered - lost - own.queued);
    return {
      ...own,
      accepted: own.accepted + neverAccepted,
      delivered: own.delivered + (neverAccepted - rejectedUncounted),
      lost: lost + rejectedUncounted + withoutOutcome,
      countedBy: own.countedBy ?? 'sink',
    };
  }

  /** The sink's own stats; `undefined` when it has none, or they throw or are not numbers (then the pipeline counts). */
  #ownStats(): SinkStats | undefined {
    if (typeof this.#sink.stats !== 'function') return undefined;
    try {
      const stats = this.#sink.stats();
      const numbers = [stats.accepted, stats.delivered, stats.deadLettered, stats.queued, stats.retried, stats.lost ?? 0];
      return numbers.every((n) => typeof n === 'number' && Number.isFinite(n)) ? stats : undefined;
    } catch {
      return undefined;
    }
  }
}

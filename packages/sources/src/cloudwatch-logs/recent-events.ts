import { createHash } from 'node:crypto';

/**
 * A bounded memory of the log events delivered lately, by content (Live Tail
 * sends no event ids): the log group, stream, timestamp and message. After a
 * Live Tail reconnect the gap is re-read with FilterLogEvents from a few
 * minutes before the break; this drops what the tail already delivered.
 * The oldest entries are forgotten first, so memory stays bounded; an event
 * forgotten too early is delivered twice, which deterministic finding ids make harmless.
 */
export class RecentEvents {
  readonly #keys = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = 100_000) {
    this.#capacity = capacity;
  }

  /** Remembers the event; returns `false` when it was already remembered (a duplicate). */
  remember(logGroup: string, logStream: string, timestamp: number, message: string): boolean {
    const key = createHash('sha256').update(`${logGroup}\u0000${logStream}\u0000${timestamp}\u0000${message}`).digest('base64url').slice(0, 22);
    if (this.#keys.has(key)) return false;
    this.#keys.add(key);
    if (this.#keys.size > this.#capacity) {
      const oldest = this.#keys.values().next().value;
      if (oldest !== undefined) this.#keys.delete(oldest);
    }
    return true;
  }

  /** How many events are remembered. */
  get size(): number {
    return this.#keys.size;
  }
}

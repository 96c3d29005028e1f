import { createHash } from 'node:crypto';
import { isRejection, type Rejection, type TrailEvent } from '@jackwatch/core';

/**
 * A bounded memory of the log events delivered lately. After a Live Tail
 * reconnect the gap is re-read with FilterLogEvents from a few minutes
 * before the break; this drops what the tail (or the previous gap read)
 * already delivered. The oldest entries are forgotten first, so memory stays
 * bounded; an event forgotten too early is delivered twice, which
 * deterministic finding ids make harmless.
 */
export class RecentEvents {
  readonly #keys = new Set<string>();
  readonly #capacity: number;

  constructor(capacity = 100_000) {
    this.#capacity = capacity;
  }

  /** Remembers `key` (see {@link deliveryKey}); returns `false` when it was already remembered (a duplicate). */
  remember(key: string): boolean {
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

/** Where a log event was found, for {@link deliveryKey}: its group (as configured), stream and timestamp. */
export interface LogEventPlace {
  readonly logGroup: string;
  readonly logStream: string;
  readonly timestamp: number;
}

/**
 * What identifies a delivered log event however it is found again: a
 * CloudTrail record by its `eventID` — the same from Live Tail and
 * FilterLogEvents, whatever either calls the log group — and a message that
 * is not one by its group, stream, timestamp and content. Fixed-size.
 */
export function deliveryKey(decoded: TrailEvent | Rejection, place: LogEventPlace, message: string): string {
  const hash = createHash('sha256');
  if (isRejection(decoded)) hash.update(`message\u0000${place.logGroup}\u0000${place.logStream}\u0000${place.timestamp}\u0000`).update(message);
  else hash.update(`event\u0000${decoded.eventId}`);
  return hash.digest('base64url').slice(0, 22);
}

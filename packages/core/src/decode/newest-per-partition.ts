import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { isRejection, recordAccount, recordRegion } from '../event/normalize.ts';
import type { Rejection } from '../event/rejection.ts';
import type { TrailEvent } from '../event/trail-event.ts';

interface Newest {
  value: unknown;
  index: number;
  time: number;
  /** How many wanted events preceded it: where it goes back in. */
  position: number;
}

/**
 * The newest record of each (account, region) among those a decoder passes
 * over, so that it can still return them: watermarks are per partition and
 * depend only on each partition's newest event. A file's records nearly
 * always share one partition, so the last one is looked up without a key.
 */
export class NewestPerPartition {
  readonly #byPartition = new Map<string, Newest>();
  #observed = 0;
  #lastAccount: string | undefined;
  #lastRegion: string | undefined;
  #last: Newest | undefined;

  /** Records passed over and not returned by {@link insertInto}. */
  get passedOver(): number {
    return this.#observed - this.#byPartition.size;
  }

  /** Notes a passed-over record at `index` with event time `time`, after `position` wanted events. */
  observe(value: CloudTrailRecord, index: number, time: number, position: number): void {
    this.#observed++;
    const account = recordAccount(value);
    const region = recordRegion(value);
    let newest = this.#last;
    if (newest === undefined || account !== this.#lastAccount || region !== this.#lastRegion) {
      const key = `${account ?? ''}\u0000${region ?? ''}`;
      newest = this.#byPartition.get(key);
      this.#lastAccount = account;
      this.#lastRegion = region;
      if (newest === undefined) {
        newest = { value, index, time, position };
        this.#byPartition.set(key, newest);
        this.#last = newest;
        return;
      }
      this.#last = newest;
    }
    if (time > newest.time) {
      newest.value = value;
      newest.index = index;
      newest.time = time;
      newest.position = position;
    }
  }

  /** `events` with each partition's newest passed-over record put back in place, as `normalize` makes it. */
  insertInto(events: TrailEvent[], normalize: (value: unknown, index: number) => TrailEvent | Rejection): TrailEvent[] {
    if (this.#byPartition.size === 0) return events;
    const extra = [...this.#byPartition.values()].sort((a, b) => a.index - b.index);
    const merged: TrailEvent[] = [];
    let next = 0;
    for (const { value, index, position } of extra) {
      while (next < position) merged.push(events[next++]!);
      const event = normalize(value, index);
      if (!isRejection(event)) merged.push(event);
    }
    while (next < events.length) merged.push(events[next++]!);
    return merged;
  }
}

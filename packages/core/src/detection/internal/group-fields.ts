import { createHash } from 'node:crypto';
import type { TrailEvent } from '../../event/trail-event.ts';
import { orUnknown } from '../build-finding.ts';

/**
 * The group-by fields of a windowed primitive (`threshold`, `distinctCount`):
 * an event's group key for state, and the fields themselves for a finding.
 * A missing value is `'unknown'`, so it groups rather than drops the event.
 */
export class GroupFields {
  readonly #names: readonly string[];
  readonly #getters: readonly ((event: TrailEvent) => string | undefined)[];

  constructor(groupBy: Readonly<Record<string, (event: TrailEvent) => string | undefined>>) {
    this.#names = Object.keys(groupBy);
    this.#getters = this.#names.map((name) => groupBy[name]!);
  }

  // Group fields (a Boto3 user agent alone is ~80 characters) would make the
  // key several hundred bytes per live group; a 128-bit digest keeps it at 22.
  // The fields themselves come back from the events when the group fires.
  /** The state key of `event`'s group. */
  key(event: TrailEvent): string {
    const getters = this.#getters;
    let key = orUnknown(getters[0]?.(event));
    for (let i = 1; i < getters.length; i++) key += '\u0000' + orUnknown(getters[i]!(event));
    // 128 bits written as 22 characters of their own: a slice of the whole digest's text would keep that text alive too.
    return key.length <= 22 ? key : createHash('sha256').update(key).digest().toString('base64url', 0, 16);
  }

  /** The group's field values, read from one of its events. */
  values(event: TrailEvent): Record<string, string> {
    const values: Record<string, string> = {};
    for (let i = 0; i < this.#names.length; i++) values[this.#names[i]!] = orUnknown(this.#getters[i]!(event));
    return values;
  }
}

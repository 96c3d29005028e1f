import type { TrailEvent } from '../../event/trail-event.ts';
import { orUnknown } from '../build-finding.ts';
import { compactStateKey } from '../compact-state-key.ts';

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

  // The fields themselves come back from the events when the group fires.
  /** The state key of `event`'s group (see {@link compactStateKey}). */
  key(event: TrailEvent): string {
    const getters = this.#getters;
    let key = orUnknown(getters[0]?.(event));
    for (let i = 1; i < getters.length; i++) key += '\u0000' + orUnknown(getters[i]!(event));
    return compactStateKey(key);
  }

  /** The group's field values, read from one of its events. */
  values(event: TrailEvent): Record<string, string> {
    const values: Record<string, string> = {};
    for (let i = 0; i < this.#names.length; i++) values[this.#names[i]!] = orUnknown(this.#getters[i]!(event));
    return values;
  }
}

import type { FieldReach } from './field-path.ts';

// What rules read from a record, shared by every rule that reads it: an event
// routed to 50 rules walks each field once. Evaluation is synchronous and no
// reader keeps a reach beyond the test that asked for it, so each field has one
// reach object, refilled when a reader asks about another record: reading a
// field allocates nothing once the stream is under way.
interface Shared {
  record: unknown;
  readonly reach: { present: boolean; readonly values: unknown[] };
}

const reaches = new Map<string, Shared>();
const MAX_FIELDS = 4096;

/**
 * The reach of `field` in `record`: taken from the last read of the field when
 * it was of the same record, else computed by `fill` (which pushes the values
 * it finds in `record` and says whether the field is present).
 */
export function sharedReach(record: unknown, field: string, fill: (record: unknown, values: unknown[]) => boolean): FieldReach {
  let shared = reaches.get(field);
  if (shared === undefined) {
    shared = { record: undefined, reach: { present: false, values: [] } };
    if (reaches.size < MAX_FIELDS) reaches.set(field, shared);
  } else if (shared.record === record) {
    return shared.reach;
  }
  shared.record = record;
  // Emptied by popping: `length = 0` would drop the backing store, and the next push allocate a new one.
  const values = shared.reach.values;
  while (values.length > 0) values.pop();
  shared.reach.present = fill(record, values);
  return shared.reach;
}

// Recently lower-cased texts: the rules evaluating one event lower-case the same few values.
const lowered = new Map<string, string>();
const MAX_LOWERED = 512;

/** `text` lower-cased, remembered for the other rules that read the same text. */
export function lowerCase(text: string): string {
  if (text.length < 24) return text.toLowerCase();
  let lower = lowered.get(text);
  if (lower === undefined) {
    if (lowered.size >= MAX_LOWERED) lowered.clear();
    lower = text.toLowerCase();
    lowered.set(text, lower);
  }
  return lower;
}

import type { TrailEvent } from '@jackwatch/core';
import { fieldReader, someScalar } from '../values/field-path.ts';
import { scalarText } from '../values/numbers.ts';
import type { CorrelationStep } from './resolve-correlations.ts';

/** Reads one field of a record as a group or counted value. */
export type ValueReader = (event: TrailEvent) => string | undefined;

/**
 * The first of `steps` an event matches (in the correlation's order), or
 * -1. Remembered per event, since every group field asks again.
 */
export function stepFinder(steps: readonly CorrelationStep[]): (event: TrailEvent) => number {
  const seen = new WeakMap<TrailEvent, number>();
  return (event) => {
    let index = seen.get(event);
    if (index === undefined) {
      index = steps.findIndex((step) => step.detection.test(event.raw));
      seen.set(event, index);
    }
    return index;
  };
}

/**
 * The correlation's `group-by` as readers keyed by the names it writes (an
 * alias reads, for each event, the field of the rule that event matched).
 * A field's value is its text; a field with several values (an array) is
 * their list as JSON; a missing or null field is `undefined`.
 */
export function groupReaders(groupBy: readonly string[], steps: readonly CorrelationStep[], stepOf: (event: TrailEvent) => number): Record<string, ValueReader> {
  const readers: Record<string, ValueReader> = {};
  groupBy.forEach((name, index) => {
    const perStep = steps.map((step) => valueReader(step.groupFields[index]!));
    readers[name] = (event) => perStep[Math.max(0, stepOf(event))]!(event);
  });
  return readers;
}

/** A reader of one field's value as text (see {@link groupReaders}). */
export function valueReader(field: string): ValueReader {
  const read = fieldReader(field);
  return (event) => {
    const scalars: string[] = [];
    someScalar(read(event.raw).values, (value) => {
      scalars.push(scalarText(value));
      return false;
    });
    if (scalars.length === 0) return undefined;
    return scalars.length === 1 ? scalars[0] : JSON.stringify(scalars);
  };
}

/** Several fields read as one value (`value_count` over a list of fields): missing when any is missing. */
export function tupleReader(fields: readonly string[]): ValueReader {
  const readers = fields.map(valueReader);
  if (readers.length === 1) return readers[0]!;
  return (event) => {
    const values: string[] = [];
    for (const read of readers) {
      const value = read(event);
      if (value === undefined) return undefined;
      values.push(value);
    }
    return JSON.stringify(values);
  };
}

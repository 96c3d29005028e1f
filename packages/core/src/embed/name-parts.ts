import type { Detector } from '../component/detector.ts';
import type { Named } from '../runtime/pipeline-parts.ts';

/** A component, or a component with the id it is known by in counters, logs and findings. */
export type Nameable<T> = T | Named<T>;

function isNamed<T>(value: Nameable<T>): value is Named<T> {
  return typeof value === 'object' && value !== null && 'component' in value && 'id' in value;
}

/**
 * Gives every component an id: its own when it has one, else `kind/1`,
 * `kind/2`… in order. Ids must be unique within a pipeline.
 */
export function nameParts<T>(kind: string, parts: readonly Nameable<T>[]): Named<T>[] {
  const named = parts.map((part, i) => (isNamed(part) ? part : { id: `${kind}/${i + 1}`, component: part }));
  assertUnique(kind, named);
  return named;
}

/** Detectors are named after their rule id (`meta.id`), then `meta.id/2`… for repeats of one rule. */
export function nameDetectors(detectors: readonly Nameable<Detector>[]): Named<Detector>[] {
  const counts = new Map<string, number>();
  const named = detectors.map((detector) => {
    if (isNamed(detector)) return detector;
    const count = (counts.get(detector.meta.id) ?? 0) + 1;
    counts.set(detector.meta.id, count);
    return { id: count === 1 ? detector.meta.id : `${detector.meta.id}/${count}`, component: detector };
  });
  assertUnique('detector', named);
  return named;
}

function assertUnique(kind: string, named: readonly Named<unknown>[]): void {
  const ids = new Set<string>();
  for (const { id } of named) {
    if (ids.has(id)) throw new Error(`two ${kind}s are named "${id}"; give each a distinct id`);
    ids.add(id);
  }
}

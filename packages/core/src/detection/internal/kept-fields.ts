import type { CloudTrailRecord } from '../../event/cloudtrail-record.ts';
import type { TrailEvent } from '../../event/trail-event.ts';
import type { StringPool } from './string-pool.ts';

/** A compiled tree of kept dotted paths: per key, the subtree to keep (`undefined`: the whole value, a leaf). */
export type Cut = readonly (readonly [key: string, inner: Cut | undefined])[];

type Tree = Map<string, Tree | undefined>;

/** The normalized field of an event that holds the same value as a record path, when the record is ordinary. */
export type Twin = (event: TrailEvent) => unknown;

/** Leaves past this index have no presence bit: their absence is stored as {@link ABSENT} instead. */
const MASK_BITS = 30;

/** A stored leaf value that stands for "the record has no such field" (leaves past {@link MASK_BITS}). */
const ABSENT: unique symbol = Symbol('absent');

/**
 * What a compact event keeps of its record's kept paths: leaves equal to
 * their normalized twin and absent leaves as bits, every other value stored
 * in leaf order (one value alone, two or more in an array).
 */
export interface KeptValues {
  readonly twins: number;
  readonly absent: number;
  readonly stored: unknown;
}

/**
 * A set of kept record paths, compiled once: the {@link Cut} tree (key order:
 * the paths in the order they were given), its leaves in depth-first order,
 * and for each leaf the normalized event field that usually equals it, so a
 * held event stores only the values its normalized fields do not already hold.
 */
export class KeptFields {
  readonly cut: Cut;
  readonly #twins: readonly (Twin | undefined)[];
  readonly #leafPaths: readonly string[];

  constructor(paths: readonly string[], twins: ReadonlyMap<string, Twin> = new Map()) {
    const tree: Tree = new Map();
    for (const path of paths) addPath(tree, path.split('.'));
    this.cut = compile(tree);
    const leafPaths: string[] = [];
    collectLeaves(this.cut, '', leafPaths);
    this.#leafPaths = leafPaths;
    this.#twins = leafPaths.map((path, i) => (i < MASK_BITS ? twins.get(path) : undefined));
  }

  /** The dotted paths of the leaves, depth-first. */
  get leafPaths(): readonly string[] {
    return this.#leafPaths;
  }

  /** True when `record` has a value at none of the leaves whose paths `base` does not also have as leaves. */
  sameAs(base: KeptFields, record: CloudTrailRecord): boolean {
    const extras = this.#extrasOver(base);
    return extras.every((path) => !hasLeaf(record, path));
  }

  #extras: readonly (readonly string[])[] | undefined;
  #extrasBase: KeptFields | undefined;
  #extrasOver(base: KeptFields): readonly (readonly string[])[] {
    if (this.#extrasBase !== base) {
      const baseLeaves = new Set(base.leafPaths);
      this.#extras = this.#leafPaths.filter((path) => !baseLeaves.has(path)).map((path) => path.split('.'));
      this.#extrasBase = base;
    }
    return this.#extras!;
  }

  /** The record cut down to the kept paths (a new object; strings pooled, except `eventID`). */
  cutRecord(record: CloudTrailRecord, pool: StringPool): CloudTrailRecord {
    return cutValue(record, this.cut, true, pool) as CloudTrailRecord;
  }

  /** What `event` must store of `record` (its whole record) to rebuild the cut with {@link rebuild}. */
  capture(record: CloudTrailRecord, event: TrailEvent, pool: StringPool): KeptValues {
    const state = { leaf: 0, twins: 0, absent: 0, stored: [] as unknown[] };
    this.#captureInto(record, this.cut, true, event, pool, state);
    const stored = state.stored;
    return { twins: state.twins, absent: state.absent, stored: stored.length === 0 ? undefined : stored.length === 1 && !Array.isArray(stored[0]) ? stored[0] : stored };
  }

  /** The cut record `capture` described, built anew (the same keys, in the same order, as {@link cutRecord}). */
  rebuild(kept: KeptValues, event: TrailEvent): CloudTrailRecord {
    const stored = kept.stored === undefined ? [] : Array.isArray(kept.stored) ? (kept.stored as readonly unknown[]) : [kept.stored];
    const cursor = { leaf: 0, next: 0 };
    return (this.#build(this.cut, kept, stored, event, cursor) ?? {}) as CloudTrailRecord;
  }

  #captureInto(value: Readonly<Record<string, unknown>> | undefined, keep: Cut, top: boolean, event: TrailEvent, pool: StringPool, state: { leaf: number; twins: number; absent: number; stored: unknown[] }): void {
    for (const [key, inner] of keep) {
      const has = value !== undefined && Object.hasOwn(value, key);
      const child = has ? value[key] : undefined;
      if (inner !== undefined) {
        this.#captureInto(has && isPlainObject(child) ? child : undefined, inner, false, event, pool, state);
        continue;
      }
      const leaf = state.leaf++;
      if (!has) {
        if (leaf < MASK_BITS) state.absent |= 1 << leaf;
        else state.stored.push(ABSENT);
      } else if (this.#twins[leaf]?.(event) === child) state.twins |= 1 << leaf;
      // Event ids are unique: pooling them would only churn the pool.
      else state.stored.push(typeof child === 'string' && !(top && key === 'eventID') ? pool.intern(child) : child);
    }
  }

  #build(keep: Cut, kept: KeptValues, stored: readonly unknown[], event: TrailEvent, cursor: { leaf: number; next: number }): Record<string, unknown> | undefined {
    let out: Record<string, unknown> | undefined;
    for (const [key, inner] of keep) {
      let value: unknown;
      if (inner !== undefined) value = this.#build(inner, kept, stored, event, cursor);
      else {
        const leaf = cursor.leaf++;
        if (leaf < MASK_BITS && (kept.absent & (1 << leaf)) !== 0) continue;
        value = leaf < MASK_BITS && (kept.twins & (1 << leaf)) !== 0 ? this.#twins[leaf]!(event) : stored[cursor.next++];
        if (value === ABSENT) continue;
      }
      if (value === undefined && inner !== undefined) continue;
      out ??= {};
      out[key] = value;
    }
    return out;
  }
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasLeaf(record: Readonly<Record<string, unknown>>, path: readonly string[]): boolean {
  let node: unknown = record;
  for (let i = 0; i < path.length; i++) {
    if (!isPlainObject(node) || !Object.hasOwn(node, path[i]!)) return false;
    node = node[path[i]!];
  }
  return true;
}

function addPath(tree: Tree, parts: readonly string[]): void {
  // `__proto__` is no CloudTrail field, and as a key it would set a prototype instead.
  if (parts.some((part) => part === '' || part === '__proto__')) return;
  let node = tree;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    // A shorter path already keeps this subtree whole.
    if (node.has(part) && node.get(part) === undefined) return;
    if (i === parts.length - 1) {
      node.set(part, undefined);
      return;
    }
    const next: Tree = node.get(part) ?? new Map();
    node.set(part, next);
    node = next;
  }
}

function compile(tree: Tree): Cut {
  return [...tree].map(([key, inner]) => [key, inner === undefined ? undefined : compile(inner)] as const);
}

function collectLeaves(keep: Cut, prefix: string, into: string[]): void {
  for (const [key, inner] of keep) {
    if (inner === undefined) into.push(prefix + key);
    else collectLeaves(inner, `${prefix}${key}.`, into);
  }
}

function cutValue(value: Readonly<Record<string, unknown>>, keep: Cut, top: boolean, pool: StringPool): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, inner] of keep) {
    if (!Object.hasOwn(value, key)) continue;
    const child = value[key];
    if (inner === undefined) out[key] = typeof child === 'string' && !(top && key === 'eventID') ? pool.intern(child) : child;
    else if (isPlainObject(child)) {
      const kept = cutValue(child, inner, false, pool);
      if (Object.keys(kept).length > 0) out[key] = kept;
    }
  }
  return out;
}

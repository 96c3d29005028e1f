/** Bounds for {@link checkJsonShape}. */
export interface JsonShapeBounds {
  /** Deepest nesting of objects and arrays allowed; the value itself is level 1. */
  readonly maxDepth: number;
  /** The walk stops once the JSON is known to take more than this many bytes. */
  readonly maxBytes: number;
}

/** Why a value cannot go into a JSON document as it is. */
export type JsonShapeProblem = 'too-deep' | 'too-large' | 'cycle' | 'bigint' | 'unreadable';

/** What {@link checkJsonShape} found. */
export type JsonShapeCheck =
  | {
      readonly ok: true;
      /** A lower bound of the bytes `JSON.stringify` will produce (exact for plain ASCII data without numbers). */
      readonly minBytes: number;
    }
  | { readonly ok: false; readonly problem: JsonShapeProblem; readonly reason: string };

interface Frame {
  readonly container: object;
  /** Own enumerable keys of an object; `undefined` for an array. */
  readonly keys: readonly string[] | undefined;
  readonly length: number;
  index: number;
}

/**
 * Checks, without recursion, whether `JSON.stringify(value)` can run within
 * `bounds`: no nesting deeper than `maxDepth`, no cycle, no BigInt, no
 * property that throws when read, and no more than `maxBytes` of output as
 * far as a cheap lower bound tells. Follows `JSON.stringify`'s rules
 * (`toJSON`, own enumerable keys, boxed primitives), so the walk sees what
 * serialisation will see.
 *
 * Time and memory are linear in the part of `value` visited, and the walk
 * stops as soon as the lower bound passes `maxBytes`: every visited value
 * adds at least one byte, so a check never visits much more than
 * `maxBytes + maxDepth` values, whatever the input (shared references are
 * counted each time, as `JSON.stringify` writes them each time).
 */
export function checkJsonShape(value: unknown, bounds: JsonShapeBounds): JsonShapeCheck {
  const stack: Frame[] = [];
  const onPath = new Set<object>();
  let bytes = 0;

  /** Adds `raw` (met under `key`) to the count; pushes a frame for a container. Returns a failure, or undefined. */
  const visit = (raw: unknown, key: string, inArray: boolean): JsonShapeCheck | undefined => {
    const value = unboxed(withToJson(raw, key));
    switch (typeof value) {
      case 'string':
        bytes += value.length + 2;
        break;
      case 'number':
        bytes += 1;
        break;
      case 'boolean':
        bytes += value ? 4 : 5;
        break;
      case 'bigint':
        return fail('bigint', 'contains a BigInt, which JSON cannot represent');
      case 'undefined':
      case 'function':
      case 'symbol':
        if (inArray) bytes += 4; // written as null; dropped from objects
        break;
      case 'object': {
        if (value === null) {
          bytes += 4;
          break;
        }
        if (onPath.has(value)) return fail('cycle', 'contains a reference to itself (a cycle)');
        if (stack.length >= bounds.maxDepth) return fail('too-deep', `nested deeper than ${bounds.maxDepth} levels`);
        const keys = Array.isArray(value) ? undefined : Object.keys(value);
        stack.push({ container: value, keys, length: keys ? keys.length : (value as unknown[]).length, index: 0 });
        onPath.add(value);
        bytes += 2;
        break;
      }
    }
    return bytes > bounds.maxBytes ? fail('too-large', `more than ${bounds.maxBytes} bytes as JSON`) : undefined;
  };

  try {
    const failure = visit(value, '', false);
    if (failure) return failure;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      if (frame.index >= frame.length) {
        stack.pop();
        onPath.delete(frame.container);
        continue;
      }
      const index = frame.index++;
      if (index > 0) bytes += 1;
      let next: JsonShapeCheck | undefined;
      if (frame.keys) {
        const key = frame.keys[index]!;
        bytes += key.length + 3;
        next = visit((frame.container as Record<string, unknown>)[key], key, false);
      } else {
        next = visit((frame.container as unknown[])[index], String(index), true);
      }
      if (next) return next;
    }
    return { ok: true, minBytes: bytes };
  } catch (error) {
    return fail('unreadable', `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function fail(problem: JsonShapeProblem, reason: string): JsonShapeCheck {
  return { ok: false, problem, reason };
}

/** What `JSON.stringify` serialises in place of `value`: the result of its `toJSON`, if it has one. */
function withToJson(value: unknown, key: string): unknown {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'bigint') return value;
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  return typeof toJSON === 'function' ? (toJSON as (key: string) => unknown).call(value, key) : value;
}

/** `new String('x')` and friends serialise as their primitive. */
function unboxed(value: unknown): unknown {
  if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof BigInt) return value.valueOf();
  return value;
}

import { sharedReach } from './record-scope.ts';

/**
 * What a field path reaches in a record: `present` when the last key was
 * found somewhere (whatever its value, `null` included), and the values
 * found there, with every array along the way (and at the end) standing for
 * its elements.
 */
export interface FieldReach {
  readonly present: boolean;
  readonly values: readonly unknown[];
}

/**
 * Compiles a Sigma field name — the record's own dotted path, as
 * `userIdentity.sessionContext.sessionIssuer.arn` — into a reader. Each dot
 * descends one level; where a level has no such key, a key spelled with the
 * dots itself (`"a.b"`) is tried, so records whose keys contain dots are
 * still reachable. A path through an array reaches each element. Reads of
 * the same record are shared by every reader of the field (see `record-scope`):
 * use a reach at once, never keep it.
 *
 * @example
 * ```ts
 * fieldReader('resources.ARN')({ resources: [{ ARN: 'a' }, { ARN: 'b' }] }); // { present: true, values: ['a', 'b'] }
 * ```
 */
export function fieldReader(field: string): (record: unknown) => FieldReach {
  const path = field.split('.');
  const fill = (record: unknown, values: unknown[]): boolean => walk(record, path, 0, values);
  return (record) => sharedReach(record, field, fill);
}

// Deep nesting cannot blow the stack: arrays inside arrays are flattened with a loop, and
// the walk descends at most path.length objects.
function walk(node: unknown, path: readonly string[], at: number, out: unknown[]): boolean {
  if (at === path.length) {
    if (Array.isArray(node)) for (const element of flatten(node)) out.push(element);
    else out.push(node);
    return true;
  }
  if (Array.isArray(node)) {
    let present = false;
    for (const element of flatten(node)) if (walk(element, path, at, out)) present = true;
    return present;
  }
  if (typeof node !== 'object' || node === null) return false;
  const object = node as Record<string, unknown>;
  let key = path[at]!;
  for (let end = at + 1; ; end++) {
    if (Object.hasOwn(object, key)) return walk(object[key], path, end, out);
    if (end >= path.length) return false;
    key += '.' + path[end]!;
  }
}

/** The elements of an array, arrays inside it flattened (iteratively). */
export function flatten(array: readonly unknown[]): unknown[] {
  if (!array.some(Array.isArray)) return array as unknown[];
  const out: unknown[] = [];
  const stack: unknown[] = [array];
  while (stack.length > 0) {
    const item = stack.pop();
    if (Array.isArray(item)) for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    else out.push(item);
  }
  return out;
}

/**
 * Every scalar inside `values` (strings, numbers, booleans), objects and
 * arrays opened all the way down — how a value test reads a field that holds
 * an object (`requestParameters|contains: Suspended` looks at every value
 * inside `requestParameters`). Stops early when `visit` returns true; uses an
 * explicit stack, so a deeply nested record cannot overflow the call stack.
 */
export function someScalar(values: readonly unknown[], visit: (scalar: string | number | boolean) => boolean): boolean {
  if (values.length === 1) {
    const only = values[0];
    if (typeof only === 'string' || typeof only === 'number' || typeof only === 'boolean') return visit(only);
  }
  const stack: unknown[] = [];
  for (let i = values.length - 1; i >= 0; i--) stack.push(values[i]);
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') {
      if (visit(item)) return true;
    } else if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push(item[i]);
    } else if (typeof item === 'object' && item !== null) {
      const children = Object.values(item);
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
  }
  return false;
}

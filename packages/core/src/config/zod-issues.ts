import type { z } from 'zod';
import type { ConfigPath } from './config-path.ts';
import { toConfigPath } from './config-path.ts';
import { didYouMean } from './did-you-mean.ts';

/** A validation problem relative to the validated value, before it is placed in the file. */
export interface RelativeIssue {
  readonly path: ConfigPath;
  /** `key` when the issue is about the mapping key itself (an unknown key). */
  readonly at: 'key' | 'value';
  readonly message: string;
}

// The error map tags unknown-key messages with the object's known keys, so the
// conversion below can suggest the closest one; the tag never reaches users.
const KNOWN_KEYS_TAG = '\u0000known-keys:';

type RawIssue = z.core.$ZodRawIssue;

/**
 * A zod error map giving messages in YAML terms ("expected a mapping, got a
 * list") that never print the input value, which may be a secret.
 */
export function configErrorMap(issue: RawIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') {
    const shape = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
    return KNOWN_KEYS_TAG + JSON.stringify(shape ? Object.keys(shape) : []);
  }
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined) return 'is required';
  if (issue.code === 'invalid_type') {
    return `expected ${describeExpected(String(issue.expected))}, got ${describeInput(issue.input)}`;
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const expected = issue.errors.map((branch) => {
      const only = branch.length === 1 ? branch[0] : undefined;
      return only?.code === 'invalid_type' && only.path.length === 0 ? describeExpected(String(only.expected)) : undefined;
    });
    if (expected.every((text) => text !== undefined)) return `expected ${[...new Set(expected)].join(' or ')}, got ${describeInput(issue.input)}`;
  }
  return undefined;
}

/**
 * Turns zod issues into {@link RelativeIssue}s: one per unknown key (at the
 * key, with "did you mean" from the schema's keys plus `extraRootKeys` at the
 * root), and for a union no branch of which matched, the issues of the branch
 * that came closest.
 */
export function toRelativeIssues(issues: readonly z.core.$ZodIssue[], extraRootKeys: readonly string[] = [], base: ConfigPath = []): RelativeIssue[] {
  const result: RelativeIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...toConfigPath(issue.path)];
    if (issue.code === 'unrecognized_keys') {
      const known = issue.message.startsWith(KNOWN_KEYS_TAG) ? (JSON.parse(issue.message.slice(KNOWN_KEYS_TAG.length)) as string[]) : [];
      const candidates = path.length === 0 ? [...known, ...extraRootKeys] : known;
      for (const key of issue.keys) {
        result.push({ path: [...path, key], at: 'key', message: `unknown key "${key}"${didYouMean(key, candidates)}` });
      }
    } else if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.message === 'Invalid input') {
      result.push(...toRelativeIssues(closestBranch(issue.errors), [], path));
    } else {
      result.push({ path, at: 'value', message: issue.message });
    }
  }
  return result;
}

// The branch that got furthest: one that did not fail on the value's own type, with the fewest issues.
function closestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): readonly z.core.$ZodIssue[] {
  const rank = (branch: readonly z.core.$ZodIssue[]): number =>
    (branch.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0) ? 1000 : 0) + branch.length;
  return [...branches].sort((a, b) => rank(a) - rank(b))[0] ?? [];
}

function describeExpected(expected: string): string {
  const names: Record<string, string> = { object: 'a mapping', record: 'a mapping', map: 'a mapping', array: 'a list', tuple: 'a list', int: 'an integer' };
  return names[expected] ?? `a ${expected}`;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null (an empty value)';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'object') return 'a mapping';
  return `a ${typeof input}`;
}

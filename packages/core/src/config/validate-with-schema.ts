import type { z } from 'zod';
import type { ConfigPath } from './config-path.ts';
import type { IssueCollector } from './issue-collector.ts';
import type { SecretIndex } from './secret-index.ts';
import { configErrorMap, toRelativeIssues } from './zod-issues.ts';

/** Where a value sits and where its problems go. */
export interface SchemaCheck {
  /** Path of the value in the config. */
  readonly path: ConfigPath;
  readonly issues: IssueCollector;
  readonly secrets: SecretIndex;
  /** More keys to suggest for an unknown key at the value's root (a detector's `suppress`, `exceptions`). */
  readonly extraRootKeys?: readonly string[];
  /** Who owns the schema, for the message when the schema itself throws (a plugin bug). */
  readonly owner: string;
}

/** The output of a successful validation, or `ok: false` once the issues are recorded. */
export type SchemaResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/**
 * Validates `value` with `schema`, recording every problem at its path.
 *
 * A string that came from `${env:…}` where the schema wants a number or a
 * boolean is converted (`port: ${env:PORT}` works) — only there, so that
 * an account id like `012345678901` typed into a string field stays a string.
 */
export function validateWithSchema<T>(schema: z.ZodType<T>, value: unknown, check: SchemaCheck): SchemaResult<T> {
  let result = safeParse(schema, value, check);
  if (result === undefined) return { ok: false };
  if (!result.success) {
    const coerced = coerceEnvValues(value, result.error.issues, check);
    if (coerced !== undefined) result = safeParse(schema, coerced, check) ?? result;
  }
  if (result.success) return { ok: true, value: result.data };
  for (const issue of toRelativeIssues(result.error.issues, check.extraRootKeys)) {
    check.issues.error([...check.path, ...issue.path], issue.message, issue.at);
  }
  return { ok: false };
}

function safeParse<T>(schema: z.ZodType<T>, value: unknown, check: SchemaCheck): z.ZodSafeParseResult<T> | undefined {
  try {
    return schema.safeParse(value, { error: configErrorMap });
  } catch (error) {
    // An async refinement or a throwing transform in a (plugin) schema: report it, do not crash.
    check.issues.error(check.path, `${check.owner} failed to validate: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

const NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
const BOOLEAN: Readonly<Record<string, boolean>> = { true: true, false: false };

function coerceEnvValues(value: unknown, issues: readonly z.core.$ZodIssue[], check: SchemaCheck): unknown {
  let copy: unknown;
  for (const issue of issues) {
    if (issue.code !== 'invalid_type') continue;
    const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
    if (!check.secrets.isFromEnvironment([...check.path, ...path])) continue;
    const text = readAt(value, path);
    if (typeof text !== 'string') continue;
    const wanted = String(issue.expected);
    const converted =
      wanted === 'boolean' ? BOOLEAN[text.trim().toLowerCase()] : (wanted === 'number' || wanted === 'int') && NUMBER.test(text.trim()) ? Number(text) : undefined;
    if (converted === undefined) continue;
    copy ??= structuredClone(value);
    writeAt(copy, path, converted);
  }
  return copy;
}

function readAt(value: unknown, path: readonly (string | number)[]): unknown {
  let node = value;
  for (const segment of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

function writeAt(value: unknown, path: readonly (string | number)[], replacement: unknown): void {
  const parent = readAt(value, path.slice(0, -1));
  const last = path[path.length - 1];
  if (parent !== null && typeof parent === 'object' && last !== undefined) (parent as Record<string | number, unknown>)[last] = replacement;
}

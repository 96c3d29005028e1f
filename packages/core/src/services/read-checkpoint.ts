import type { z } from 'zod';
import { describeJson } from './checkpoint-file.ts';
import type { CheckpointStore } from './checkpoint-store.ts';

/**
 * Reads the value under `key` and checks it against `schema`: `undefined`
 * when there is none, the parsed value when it fits, and otherwise throws
 * the store's refusal (see {@link CheckpointStore.refuse}) naming what is
 * wrong and where — never the value itself, which may be large. `expected`
 * says in words what the value should be (`an object of file positions`).
 *
 * @example
 * ```ts
 * const positions = (await readCheckpoint(context.checkpoints, 'files', filesSchema, 'an object of file positions')) ?? {};
 * ```
 */
export async function readCheckpoint<T>(store: CheckpointStore, key: string, schema: z.ZodType<T>, expected: string): Promise<T | undefined> {
  const value = await store.get(key);
  if (value === undefined) return undefined;
  const parsed = schema.safeParse(value, { error: typeProblem });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length === 0 ? '' : ` at ${issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `[${JSON.stringify(String(segment))}]`)).join('')}`;
  throw store.refuse(key, `is not ${expected}:${where} ${issue.message}`);
}

const EXPECTED: Readonly<Record<string, string>> = { record: 'an object', object: 'an object', array: 'an array', number: 'a number', string: 'a string', boolean: 'a boolean' };

function typeProblem(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== 'invalid_type') return undefined;
  const expected = EXPECTED[String(issue.expected)] ?? String(issue.expected);
  return `expected ${expected}, found ${issue.input === undefined ? 'nothing' : describeJson(issue.input)}`;
}

import { z } from 'zod';
import { LEVELS, STATUSES, type RuleHeader } from './rule-header.ts';
import { DEFAULT_LEVEL } from '../finding/rule-meta.ts';
import { starMatch } from '../values/star-pattern.ts';

const list = <T extends z.ZodType<string>>(item: T) => z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(item).min(1, 'list at least one value')).optional();

/**
 * Selects rules by metadata: `id`, `name` and `tag` take `*` patterns
 * (case-insensitive), `level` and `status` exact values. A rule without a
 * `level` counts as medium.
 */
export const ruleFilterSchema = z.strictObject({
  id: list(z.string().min(1)),
  name: list(z.string().min(1)),
  level: list(z.enum(LEVELS)),
  tag: list(z.string().min(1)),
  status: list(z.enum(STATUSES)),
});

/** A validated `include` or `exclude`. */
export type RuleFilter = z.output<typeof ruleFilterSchema>;

/**
 * Why `include`/`exclude` leave a rule out, or `undefined` when they keep it.
 * `include`: the rule must match every key given (any of a key's values).
 * `exclude`: the rule goes when it matches any value of any key.
 */
export function filterOut(header: RuleHeader, include: RuleFilter | undefined, exclude: RuleFilter | undefined): string | undefined {
  if (include !== undefined) {
    for (const [key, values] of Object.entries(include) as [keyof RuleFilter, string[] | undefined][]) {
      if (values !== undefined && !matchesKey(header, key, values)) return `include.${key} (${values.join(', ')}) does not select it`;
    }
  }
  if (exclude !== undefined) {
    for (const [key, values] of Object.entries(exclude) as [keyof RuleFilter, string[] | undefined][]) {
      if (values !== undefined && matchesKey(header, key, values)) return `exclude.${key} (${values.join(', ')}) selects it`;
    }
  }
  return undefined;
}

function matchesKey(header: RuleHeader, key: keyof RuleFilter, values: readonly string[]): boolean {
  const actual: readonly string[] =
    key === 'id' ? optional(header.id) : key === 'name' ? optional(header.name) : key === 'level' ? [header.level ?? DEFAULT_LEVEL] : key === 'status' ? optional(header.status) : header.tags;
  return actual.some((value) => values.some((pattern) => starMatch(pattern.toLowerCase(), value.toLowerCase())));
}

function optional(value: string | undefined): string[] {
  return value === undefined ? [] : [value];
}

import { z } from 'zod';
import type { IssueList } from '../rules/rule-issue.ts';
import { parseTimespan } from './timespan.ts';

/** Sigma correlation types. */
export const CORRELATION_TYPES = ['event_count', 'value_count', 'temporal', 'temporal_ordered'] as const;
/** A Sigma correlation type. */
export type CorrelationType = (typeof CORRELATION_TYPES)[number];

/**
 * A correlation's condition on the count (of events, distinct values, or
 * distinct rules): a lower bound (`gt`/`gte`), an upper bound (`lt`/`lte`),
 * both (a range), or `eq`.
 */
export interface CountCondition {
  /** The smallest count that holds (`gt: n` is `n + 1`); 1 when there is no lower bound. */
  readonly atLeast: number;
  /** The largest count that holds (`lt: n` is `n − 1`); `undefined` when there is no upper bound. */
  readonly atMost: number | undefined;
  /** As written, for people: `gte 10`, `gt 100 and lte 200`. */
  readonly text: string;
}

/** A validated `correlation` section. */
export interface CorrelationSpec {
  readonly type: CorrelationType;
  /** The referenced rules, by `name` or `id`, in order. */
  readonly rules: readonly string[];
  readonly groupBy: readonly string[];
  /** Milliseconds. */
  readonly timespan: number;
  readonly timespanText: string;
  /** `undefined` for temporal types without a condition (every rule must occur). */
  readonly condition: CountCondition | undefined;
  /** `value_count`: the field(s) whose distinct values are counted. */
  readonly fields: readonly string[];
  /** alias → rule reference → field. */
  readonly aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  readonly generate: boolean;
}

const stringList = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(z.string().min(1), { error: 'must be a string or a list of strings' }));
// A count written as a quoted whole number (`gte: '10'`) is that number, as pySigma reads it.
const count = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*\d{1,15}\s*$/.test(value) ? Number(value) : value),
  z.number({ error: 'must be a number' }).int('must be a whole number').min(0, 'must not be negative'),
);

/** The most steps a `temporal_ordered` correlation may have (what the `sequence` primitive runs). */
const MAX_ORDERED_RULES = 30;

const boundsSchema = z.strictObject(
  { gt: count.optional(), gte: count.optional(), lt: count.optional(), lte: count.optional(), eq: count.optional(), field: stringList.optional() },
  { error: (issue) => (issue.code === 'invalid_type' ? 'the condition must be a mapping of gt, gte, lt, lte or eq (and field, for value_count)' : undefined) },
);

const sectionSchema = z.strictObject({
  type: z.enum(CORRELATION_TYPES, { error: `type must be one of ${CORRELATION_TYPES.join(', ')}` }),
  rules: stringList.pipe(z.array(z.string()).min(1, 'rules lists no rule')),
  'group-by': stringList.default([]),
  timespan: z.string({ error: 'timespan is required, e.g. 15m' }),
  // A mapping of bounds, or an expression over rule names (reported as unsupported); read below, so that a bad bound is named.
  condition: z.unknown().optional(),
  aliases: z.record(z.string(), z.record(z.string(), z.string(), { error: 'an alias maps rule names to field names' })).default({}),
  generate: z.boolean({ error: 'generate must be true or false' }).optional(),
});

/**
 * Validates a correlation rule's `correlation` section (and a top-level
 * `generate`, which some rules write there). Each problem is recorded at its
 * YAML path; `undefined` when there is one.
 */
export function readCorrelationSpec(section: unknown, topLevelGenerate: unknown, issues: IssueList): CorrelationSpec | undefined {
  const root = ['correlation'];
  const result = sectionSchema.safeParse(section);
  if (!result.success) {
    for (const issue of result.error.issues) issues.invalid([...root, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], issue.message);
    return undefined;
  }
  const spec = result.data;
  const before = issues.count;
  const timespan = parseTimespan(spec.timespan);
  if (timespan === undefined) issues.invalid([...root, 'timespan'], `timespan "${spec.timespan}" must be a positive whole number and a unit: s, m, h, d, w, M (months) or y (e.g. 15m)`);
  if (topLevelGenerate !== undefined && typeof topLevelGenerate !== 'boolean') issues.invalid(['generate'], 'generate must be true or false');
  let condition: CountCondition | undefined;
  let fields: readonly string[] = [];
  if (typeof spec.condition === 'string') {
    issues.unsupported([...root, 'condition'], 'a condition written as an expression over rule names is not supported; use a count condition such as "gte: 2", or none');
  } else if (spec.condition !== undefined) {
    const read = boundsSchema.safeParse(spec.condition);
    if (!read.success) {
      for (const issue of read.error.issues) issues.invalid([...root, 'condition', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], issue.message);
    } else {
      const { field, ...bounds } = read.data;
      fields = field ?? [];
      condition = countCondition(bounds, [...root, 'condition'], issues);
    }
  }
  const ordered = spec.type === 'temporal_ordered';
  if ((spec.type === 'event_count' || spec.type === 'value_count') && spec.condition === undefined) issues.invalid([...root], `a ${spec.type} correlation needs a condition, e.g. "condition: { gte: 10 }"`);
  if (spec.type === 'value_count' && fields.length === 0) issues.invalid([...root, 'condition'], 'a value_count correlation names the counted field in its condition: "field: userIdentity.arn"');
  if (spec.type !== 'value_count' && fields.length > 0) issues.invalid([...root, 'condition', 'field'], `"field" belongs to value_count correlations, not ${spec.type}`);
  if (ordered && condition !== undefined && !(condition.atLeast === spec.rules.length && condition.atMost === undefined)) {
    issues.unsupported([...root, 'condition'], `temporal_ordered runs every rule in order; a condition other than "gte: ${spec.rules.length}" is not supported`);
  }
  if (spec.type === 'temporal' && condition !== undefined && condition.atLeast > spec.rules.length) {
    issues.invalid([...root, 'condition'], `the condition asks for ${condition.text} distinct rules, but the correlation lists ${spec.rules.length}`);
  }
  if (new Set(spec.rules).size !== spec.rules.length) issues.invalid([...root, 'rules'], 'a rule is listed twice');
  if (ordered && spec.rules.length < 2) issues.invalid([...root, 'rules'], 'temporal_ordered orders events of two or more rules; for the events of one rule, write an event_count correlation');
  if (ordered && spec.rules.length > MAX_ORDERED_RULES) issues.unsupported([...root, 'rules'], `temporal_ordered runs at most ${MAX_ORDERED_RULES} rules in order, got ${spec.rules.length}`);
  if (issues.count > before || timespan === undefined) return undefined;
  return {
    type: spec.type,
    rules: spec.rules,
    groupBy: spec['group-by'],
    timespan,
    timespanText: spec.timespan,
    condition,
    fields,
    aliases: new Map(Object.entries(spec.aliases).map(([alias, map]) => [alias, new Map(Object.entries(map))])),
    generate: spec.generate ?? (topLevelGenerate === true),
  };
}

function countCondition(bounds: { gt?: number; gte?: number; lt?: number; lte?: number; eq?: number }, path: readonly (string | number)[], issues: IssueList): CountCondition | undefined {
  const { gt, gte, lt, lte, eq } = bounds;
  const given = Object.entries(bounds).filter(([, v]) => v !== undefined);
  if (given.length === 0) {
    issues.invalid(path, 'the condition needs one of gt, gte, lt, lte or eq');
    return undefined;
  }
  if (eq !== undefined && given.length > 1) {
    issues.invalid(path, '"eq" cannot be combined with another bound');
    return undefined;
  }
  if ((gt !== undefined && gte !== undefined) || (lt !== undefined && lte !== undefined)) {
    issues.invalid(path, 'give at most one lower bound (gt or gte) and one upper bound (lt or lte)');
    return undefined;
  }
  const atLeast = Math.max(1, eq ?? (gt !== undefined ? gt + 1 : gte ?? 1));
  const atMost = eq ?? (lt !== undefined ? lt - 1 : lte);
  if (atMost !== undefined && atMost < atLeast) {
    issues.invalid(path, `no count of at least 1 satisfies ${given.map(([k, v]) => `${k} ${v}`).join(' and ')}`);
    return undefined;
  }
  return { atLeast, atMost, text: given.map(([k, v]) => `${k} ${v}`).join(' and ') };
}

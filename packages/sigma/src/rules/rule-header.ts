import { z } from 'zod';
import type { IssueList } from './rule-issue.ts';

/** Sigma levels, lowest first. */
export const LEVELS = ['informational', 'low', 'medium', 'high', 'critical'] as const;
/** A Sigma `level`. */
export type Level = (typeof LEVELS)[number];
/** Sigma `status` values. */
export const STATUSES = ['stable', 'test', 'experimental', 'deprecated', 'unsupported'] as const;

const text = z.string({ error: (issue) => (issue.input === undefined ? undefined : 'must be a string') });
const textList = z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(text, { error: 'must be a list of strings' }));
// Sigma dates are YYYY-MM-DD strings; YAML may also hand over a date-like scalar as a number.
const date = z.union([z.string(), z.number()]).transform(String);

/**
 * The metadata every Sigma rule and correlation rule may carry. Unknown
 * top-level keys are allowed (the specification permits custom fields).
 */
export const ruleHeaderSchema = z.looseObject({
  title: z.string({ error: (issue) => (issue.input === undefined ? 'title is required' : 'title must be a string') }).min(1, 'title is empty').max(256, 'title is longer than 256 characters'),
  id: z.union([z.string().min(1), z.number().transform(String)], { error: 'id must be a string' }).optional(),
  name: text.min(1, 'name is empty').optional(),
  status: z.enum(STATUSES, { error: `status must be one of ${STATUSES.join(', ')}` }).optional(),
  description: text.optional(),
  author: text.optional(),
  license: text.optional(),
  date: date.optional(),
  modified: date.optional(),
  references: textList.default([]),
  tags: textList.default([]),
  falsepositives: textList.default([]),
  level: z.enum(LEVELS, { error: `level must be one of ${LEVELS.join(', ')}` }).optional(),
});

/** A rule's metadata, validated. */
export type RuleHeader = z.output<typeof ruleHeaderSchema>;

/** Validates a document's metadata, recording each problem at its key; `undefined` when there is one. */
export function readRuleHeader(value: Readonly<Record<string, unknown>>, issues: IssueList): RuleHeader | undefined {
  const result = ruleHeaderSchema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.invalid(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), issue.message);
  }
  return undefined;
}

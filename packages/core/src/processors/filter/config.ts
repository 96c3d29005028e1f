import { z } from 'zod';
import { exceptionConditionSchema } from '../../detection/policy-schema.ts';

/** A rule of the `filter` processor: all its conditions must hold for it to apply. */
export const filterRuleSchema = z.strictObject({
  description: z.string().optional(),
  when: z.array(exceptionConditionSchema).min(1),
});

/**
 * Options of the `filter` processor. Conditions read dotted paths of the raw
 * CloudTrail record (`sourceIPAddress`, `userIdentity.arn`, `eventSource`).
 * An event is kept when it matches any `keep` rule (or `keep` is empty) and
 * no `drop` rule.
 */
export const filterConfigSchema = z
  .strictObject({
    keep: z.array(filterRuleSchema).default([]),
    drop: z.array(filterRuleSchema).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.keep.length === 0 && value.drop.length === 0) {
      ctx.addIssue({ code: 'custom', message: 'a filter needs at least one "keep" or "drop" rule' });
    }
  });

/** Parsed {@link filterConfigSchema}. */
export type FilterConfig = z.output<typeof filterConfigSchema>;

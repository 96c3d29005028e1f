import { z } from 'zod';
import { durationSchema } from '../config/duration.ts';
import { isCidr } from './cidr-matcher.ts';
import { globPatternSchema } from './glob-schema.ts';

/**
 * One exception condition. `field` is a finding group key (`accessKeyId`,
 * `userName`, `src`, …), `details.<path>`, or a dotted path into the evidence
 * records (`userIdentity.arn`, `sourceIPAddress`); an evidence path holds when
 * any evidence record matches. Exactly one test: `equals` (exact), `glob`
 * (case-insensitive, `*` spans `/`) or `cidr` (IP ranges); a list means any of.
 */
export const exceptionConditionSchema = z
  .strictObject({
    field: z.string().min(1),
    equals: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    glob: z.union([globPatternSchema, z.array(globPatternSchema).min(1)]).optional(),
    cidr: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = ['equals', 'glob', 'cidr'].filter((k) => value[k as 'equals'] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `an exception condition on "${value.field}" needs exactly one of equals, glob or cidr` });
    }
    const ranges = value.cidr === undefined ? [] : typeof value.cidr === 'string' ? [value.cidr] : value.cidr;
    for (const range of ranges) {
      if (!isCidr(range)) ctx.addIssue({ code: 'custom', path: ['cidr'], message: `"${range}" is not a CIDR range or IP address (write it like 10.0.0.0/8 or 2001:db8::/32)` });
    }
  });

/** An exception: a named list of conditions that must all hold. */
export const exceptionSchema = z.strictObject({
  description: z.string().optional(),
  when: z.array(exceptionConditionSchema).min(1),
});

/** Suppression: one finding per group per period (in event time); later ones are counted. */
export const suppressSchema = z.strictObject({
  by: z.array(z.string().min(1)).min(1),
  for: durationSchema.refine((ms) => ms > 0, { message: 'the suppression period must be longer than 0' }),
});

/**
 * What a detector keeps of the events it holds and shows as evidence:
 * `full` (the records whole) or `compact` (the event's identity, time and
 * caller fields, the fields its rule declares and those its `suppress` and
 * `exceptions` name; the rest of the record dropped).
 */
export const evidenceModeSchema = z.enum(['full', 'compact']);

/**
 * The options every detector takes besides its own: `suppress`,
 * `exceptions` and `evidence` (unset: the pipeline's `evidence`, by default
 * `full`). The config loader splits them off before the detector's own
 * strict schema sees the rest.
 */
export const detectorPolicySchema = z.strictObject({
  suppress: suppressSchema.optional(),
  exceptions: z.array(exceptionSchema).default([]),
  evidence: evidenceModeSchema.optional(),
});

/** Parsed {@link detectorPolicySchema}. */
export type DetectorPolicy = z.output<typeof detectorPolicySchema>;
/** Parsed {@link exceptionSchema}. */
export type FindingException = z.output<typeof exceptionSchema>;
/** Keys of {@link detectorPolicySchema}, reserved in every detector's config. */
export const DETECTOR_POLICY_KEYS = ['suppress', 'exceptions', 'evidence'] as const;

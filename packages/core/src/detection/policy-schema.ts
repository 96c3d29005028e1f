import { z } from 'zod';
import { durationSchema } from '../config/duration.ts';

/**
 * One exception: every condition given must hold for the finding to be
 * dropped. `field` is a finding group key (`accessKeyId`, `userName`, …) or a
 * dotted path into the evidence records (`userIdentity.arn`,
 * `sourceIPAddress`); an evidence path holds when any evidence record matches.
 */
export const exceptionConditionSchema = z
  .strictObject({
    field: z.string().min(1),
    equals: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    glob: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
    cidr: z.union([z.string(), z.array(z.string()).min(1)]).optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = ['equals', 'glob', 'cidr'].filter((k) => value[k as 'equals'] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', message: `an exception condition on "${value.field}" needs exactly one of equals, glob or cidr` });
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
  for: durationSchema,
});

/**
 * The options every detector takes besides its own: `suppress` and
 * `exceptions`. The config loader splits them off before the detector's own
 * strict schema sees the rest.
 */
export const detectorPolicySchema = z.strictObject({
  suppress: suppressSchema.optional(),
  exceptions: z.array(exceptionSchema).default([]),
});

/** Parsed {@link detectorPolicySchema}. */
export type DetectorPolicy = z.output<typeof detectorPolicySchema>;
/** Parsed {@link exceptionSchema}. */
export type FindingException = z.output<typeof exceptionSchema>;
/** Keys of {@link detectorPolicySchema}, reserved in every detector's config. */
export const DETECTOR_POLICY_KEYS = ['suppress', 'exceptions'] as const;

import { durationSchema } from '@jackwatch/core';
import { z } from 'zod';

/**
 * Options of `acme-bedrock-new-origin`.
 *
 * @example `detectors: { acme-bedrock-new-origin: { history: 14d, userAgent: product } }`
 */
export const newOriginConfigSchema = z
  .strictObject({
    /** How long an origin stays known after the key last invoked from it (default 7d). */
    history: durationSchema.refine((ms) => ms > 0, 'must be longer than 0 (write it like 7d)').prefault('7d'),
    /** After a key's first invocation in `history`, how long its invocations only teach (default 0s: that first second). */
    learning: durationSchema.prefault('0s'),
    /** Most source IPs and most user agents remembered per key; the stalest is forgotten beyond (default 100). */
    maxOriginsPerKey: z.number().int().min(1).max(100_000).default(100),
    /** `exact`: a new source IP counts; `ignore`: only the user agent is watched. */
    sourceIp: z.enum(['exact', 'ignore']).default('exact'),
    /** `exact`: the whole user agent; `product`: its first token (`Boto3`, `aws-cli`), so SDK upgrades are not new; `ignore`. */
    userAgent: z.enum(['exact', 'product', 'ignore']).default('exact'),
  })
  .refine((c) => c.sourceIp !== 'ignore' || c.userAgent !== 'ignore', 'watch at least one of sourceIp and userAgent');

/** Parsed options of `acme-bedrock-new-origin` (durations in ms). */
export type NewOriginConfig = z.output<typeof newOriginConfigSchema>;

import { durationSchema } from '@jackwatch/core';

/** A duration option (`15m`, `1h`, or milliseconds) that must be longer than zero, defaulting to `fallback`. */
export function positiveDuration(fallback: string) {
  return durationSchema.refine((ms) => ms > 0, { message: 'must be longer than 0 (write it like 15m or 1h)' }).prefault(fallback);
}

import { z } from 'zod';

/**
 * Treats a YAML empty value (`logs:` with nothing after it, which parses as
 * `null`) like an absent key, so the schema's default applies.
 */
export function emptyAsDefault<Schema extends z.ZodType>(schema: Schema): z.ZodPreprocess<Schema, z.input<Schema> | null> {
  return z.preprocess((value: z.input<Schema> | null) => (value === null ? undefined : value), schema);
}

import { z } from 'zod';
import { emptyAsDefault } from './empty-as-default.ts';
import { healthSchema, telemetrySchema } from './telemetry-schema.ts';

/** Log levels of the agent's own logs. */
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Where checkpoints are kept: a directory (relative to the config file), or memory only (`memory: true`). */
export const checkpointsSchema = z
  .strictObject({
    dir: z.string().min(1).optional(),
    memory: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    if (value.memory && value.dir !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give either "dir" or "memory: true", not both' });
    }
  });

/** The agent's own logs. */
export const logsSchema = z.strictObject({
  level: z.enum(LOG_LEVELS).default('info'),
  format: z.enum(['text', 'json']).default('text'),
});

/** The `service` section: settings of the agent itself, all defaulted (health off). */
export const serviceSchema = z.strictObject({
  checkpoints: emptyAsDefault(checkpointsSchema.prefault({})),
  logs: emptyAsDefault(logsSchema.prefault({})),
  telemetry: emptyAsDefault(telemetrySchema.prefault({})),
  // `health:` with nothing after it turns the endpoint on at its default address.
  health: z.preprocess((value) => (value === null ? {} : value), healthSchema).optional(),
});

/** The default checkpoint directory, relative to the config file. */
export const DEFAULT_CHECKPOINT_DIR = '.jackwatch/checkpoints';

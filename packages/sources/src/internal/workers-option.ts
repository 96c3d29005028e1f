import { z } from 'zod';

/**
 * The `workers` option of the sources that decode whole files or objects
 * (`file`, `s3`): how many decode worker threads — `auto` is one per core
 * when there are two or more, none on one core (see `resolveWorkerCount`);
 * 0, the default, decodes on the main thread.
 */
export const workersSchema = z
  .union([z.literal('auto'), z.number().int().min(0).max(64)], { error: 'workers must be "auto" or a number of threads from 0 to 64' })
  .default(0);

import { z } from 'zod';
import { globPatternProblem } from './glob-pattern.ts';

/**
 * A zod schema for one glob pattern in config (see `globMatcher` for the
 * syntax): a string within `GLOB_LIMITS`, refused at its line otherwise.
 *
 * @example `admins: z.array(globPatternSchema.min(1))`
 */
export const globPatternSchema = z.string().superRefine((pattern, ctx) => {
  const problem = globPatternProblem(pattern);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

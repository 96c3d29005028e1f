import { z } from 'zod';
import { ruleFilterSchema } from '../rules/rule-filter.ts';

/**
 * Options of the `sigma` detector.
 *
 * @example
 * ```yaml
 * detectors:
 *   sigma/community:
 *     rules: [./rules/sigma]                 # files, directories, globs; relative to the config file
 *     exclude: { level: [informational, low] }
 * ```
 */
export const sigmaConfigSchema = z.strictObject({
  /** Rule files, directories (every .yml/.yaml under them) and globs; relative entries resolve against the config file's directory. */
  rules: z.preprocess(
    (value) => (typeof value === 'string' ? [value] : value),
    z
      .array(z.string().min(1, 'a rules entry cannot be empty'), {
        error: (issue) => (issue.input === undefined ? 'rules is required: list the Sigma rule files, directories or globs' : 'rules must be a list of files, directories or globs'),
      })
      .min(1, 'rules needs at least one file, directory or glob'),
  ),
  /** Keep only the rules this selects, by id, name, level, tag or status (a correlation's own rules still serve it). */
  include: ruleFilterSchema.optional(),
  /** Leave out the rules this selects. */
  exclude: ruleFilterSchema.optional(),
  /** Refuse to start when a rule is invalid or skipped, instead of running the others and warning. */
  strict: z.boolean().default(false),
});

/** Parsed options of the `sigma` detector. */
export type SigmaConfig = z.output<typeof sigmaConfigSchema>;

import { z } from 'zod';
import { maxEvidenceSizeSchema } from '../internal/evidence-config.ts';

/** Options of the `stdout` sink. */
export const stdoutConfigSchema = z.strictObject({
  /** `json`: one finding per line and nothing else; `pretty`: a short block per finding, for people. */
  format: z.enum(['json', 'pretty']).default('json'),
  /** Colour in `pretty` format: `auto` colours only when stdout is a terminal. */
  color: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Most bytes of JSON one finding's evidence may take in `json` output; records past it become markers. */
  maxEvidenceSize: maxEvidenceSizeSchema,
});

/** Parsed {@link stdoutConfigSchema}. */
export type StdoutConfig = z.output<typeof stdoutConfigSchema>;

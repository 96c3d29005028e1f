import { z } from 'zod';

/** Options of the `stdout` sink. */
export const stdoutConfigSchema = z.strictObject({
  /** `json`: one finding per line and nothing else; `pretty`: a short block per finding, for people. */
  format: z.enum(['json', 'pretty']).default('json'),
  /** Colour in `pretty` format: `auto` colours only when stdout is a terminal. */
  color: z.enum(['auto', 'always', 'never']).default('auto'),
});

/** Parsed {@link stdoutConfigSchema}. */
export type StdoutConfig = z.output<typeof stdoutConfigSchema>;

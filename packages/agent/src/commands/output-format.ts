import { Option } from 'commander';
import { stringify } from 'yaml';

/** How a command prints its result on stdout. */
export type OutputFormat = 'text' | 'json' | 'yaml';

/** The `-o, --output <format>` option, limited to `formats` (commander refuses others with exit 2). */
export function outputOption(formats: readonly OutputFormat[]): Option {
  return new Option('-o, --output <format>', `output format: ${formats.join(', ')}`).choices(formats).default('text');
}

/** A result as one JSON document or one YAML document, ending with a newline. */
export function renderData(data: unknown, format: 'json' | 'yaml'): string {
  return format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : stringify(data);
}

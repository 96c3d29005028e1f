import { ConfigError } from './config-error.ts';
import type { ConfigIssue } from './config-issue.ts';
import { expandEnvInDocument } from './expand-document-env.ts';
import type { ConfigEnvironment } from './env-expansion.ts';
import { readPluginList, type ParsedConfigDocument } from './parsed-config-document.ts';
import { SecretIndex } from './secret-index.ts';
import { parseYamlSource } from './yaml-source.ts';

/** Options of {@link parseConfigText}. */
export interface ParseConfigTextOptions {
  /** The file the text came from, for messages and for the base directory. */
  readonly file?: string;
  /** The variables `${env:…}` reads; default `process.env`. */
  readonly env?: ConfigEnvironment;
}

/**
 * Parses config YAML and expands `${env:NAME}` / `${env:NAME:-default}` in
 * its string values. Does not validate: call `resolveConfig` once the
 * plugins named in `plugins` are registered. Any text is accepted or refused
 * in bounded time and memory (see `CONFIG_LIMITS`): YAML aliases are
 * expanded within a budget before anything else reads the document.
 *
 * @throws {ConfigError} for YAML syntax errors (with `file:line:col`), a
 * limit the text goes past, and bad or unset environment references, all of
 * them at once.
 */
export function parseConfigText(text: string, options: ParseConfigTextOptions = {}): ParsedConfigDocument {
  const { file, env = process.env } = options;
  const source = parseYamlSource(text, file);
  if (source.issues.length > 0) throw new ConfigError(source.issues);
  const expansion = expandEnvInDocument(source.document, env);
  const issues: ConfigIssue[] = [];
  for (const problem of expansion.problems) {
    const position = source.locate(problem.path);
    issues.push({ file, path: problem.path, line: position?.line, column: position?.column, message: problem.message });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  let value: unknown;
  try {
    value = source.document.toJS();
  } catch (error) {
    throw new ConfigError([{ file, path: [], line: undefined, column: undefined, message: `YAML error: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  return { file, value, plugins: readPluginList(value), locate: source.locate, secrets: new SecretIndex(value, expansion.expandedPaths) };
}

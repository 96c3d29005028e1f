/** The environment variables config expansion reads, e.g. `process.env`. */
export type ConfigEnvironment = Readonly<Record<string, string | undefined>>;

/** The outcome of expanding one string. */
export interface EnvExpansion {
  /** The string with every reference replaced (an unset variable becomes empty). */
  readonly value: string;
  /** True when at least one `${env:…}` reference was replaced: the value may hold a secret. */
  readonly expanded: boolean;
  /** One message per bad or unresolved reference. */
  readonly errors: readonly string[];
}

const REFERENCE = /^env:([A-Za-z_][A-Za-z0-9_]*)(?::-([\s\S]*))?$/;

/**
 * Expands `${env:NAME}` and `${env:NAME:-default}` in `text`, as the
 * OpenTelemetry Collector does. The default applies when the variable is
 * unset or empty (shell `:-` semantics); an unset variable without a default
 * is an error. `$${` is an escape for a literal `${`. Any other `${…}` is an
 * error, so that `${NAME}` (a forgotten `env:`) is not silently kept.
 *
 * @example expandEnvReferences('Bearer ${env:TOKEN}', { TOKEN: 'abc' }).value // 'Bearer abc'
 */
export function expandEnvReferences(text: string, env: ConfigEnvironment): EnvExpansion {
  if (!text.includes('$')) return { value: text, expanded: false, errors: [] };
  const errors: string[] = [];
  let value = '';
  let expanded = false;
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar < 0) break;
    value += text.slice(index, dollar);
    if (text.startsWith('$${', dollar)) {
      value += '${';
      index = dollar + 3;
      continue;
    }
    if (!text.startsWith('${', dollar)) {
      value += '$';
      index = dollar + 1;
      continue;
    }
    const close = text.indexOf('}', dollar + 2);
    if (close < 0) {
      errors.push(`unclosed "\${" (write "$\${" for a literal "\${")`);
      value += text.slice(dollar);
      index = text.length;
      break;
    }
    const reference = text.slice(dollar + 2, close);
    const match = REFERENCE.exec(reference);
    index = close + 1;
    if (!match) {
      errors.push(`"\${${reference}}" is not a reference; write "\${env:NAME}" or "\${env:NAME:-default}" (or "$\${" for a literal "\${")`);
      continue;
    }
    const name = match[1] as string;
    const fallback = match[2];
    const variable = env[name];
    expanded = true;
    if (variable !== undefined && (variable !== '' || fallback === undefined)) value += variable;
    else if (fallback !== undefined) value += fallback;
    else errors.push(`environment variable ${name} is not set (write "\${env:${name}:-default}" to give a default)`);
  }
  value += text.slice(index);
  return { value, expanded, errors };
}

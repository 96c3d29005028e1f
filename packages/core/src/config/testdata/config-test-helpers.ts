import { ConfigError } from '../config-error.ts';
import type { ConfigIssue } from '../config-issue.ts';
import type { ConfigEnvironment } from '../env-expansion.ts';
import type { JackwatchConfig } from '../jackwatch-config.ts';
import { parseConfigText } from '../parse-config-text.ts';
import { resolveConfig } from '../resolve-config.ts';
import { createTestRegistry } from './test-registry.ts';

/** Joins lines into YAML text, so a test can count line numbers. */
export const lines = (...text: string[]): string => `${text.join('\n')}\n`;

/** Parses and resolves YAML text against the test registry, as file `jw.yaml` in `/cfg`. */
export function resolveYaml(text: string, env: ConfigEnvironment = {}): JackwatchConfig {
  return resolveConfig(parseConfigText(text, { file: 'jw.yaml', env }), createTestRegistry(), { baseDir: '/cfg' });
}

/** Runs `load`, which must throw a {@link ConfigError}, and returns the error. */
export function configError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError, but the config loaded');
}

/** The issues of a config that must fail, each as `line:col path: message`. */
export function issueLines(load: () => unknown): string[] {
  return configError(load).issues.map(shortIssue);
}

/** `line:col path: message`, the file name left out. */
export function shortIssue(issue: ConfigIssue): string {
  const path = issue.path.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('').replace(/^\./, '');
  return `${issue.line ?? '-'}:${issue.column ?? '-'} ${path}: ${issue.message}`;
}

/**
 * A minimal valid config (one file source, one detector, stdout) on lines
 * 1–8, plus `extra` lines from line 9; lines indented by four spaces add to
 * pipeline `default`.
 */
export const minimal = (...extra: string[]): string =>
  lines(
    'sources: { file: { paths: [./logs] } }',
    'detectors: { aws-bedrock-enum-then-invoke-long-term-key: {} }',
    'sinks: { stdout: {} }',
    'pipelines:',
    '  default:',
    '    sources: [file]',
    '    detectors: [aws-bedrock-enum-then-invoke-long-term-key]',
    '    sinks: [stdout]',
    ...extra,
  );

import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type ComponentRegistry, type JackwatchConfig, type ParsedConfigDocument, parseConfigText, resolveConfig } from '@jackwatch/core';

/** A config file read, expanded and validated against a registry. */
export interface AgentConfig {
  readonly parsed: ParsedConfigDocument;
  readonly config: JackwatchConfig;
}

/**
 * Reads and validates the config file. Throws `ConfigError` (file, path and
 * line of every problem) or an Error naming the file when it cannot be read.
 */
export async function loadAgentConfig(file: string, registry: ComponentRegistry, env: NodeJS.ProcessEnv = process.env): Promise<AgentConfig> {
  const path = resolve(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read config file ${path}: ${(error as Error).message}`);
  }
  const parsed = parseConfigText(text, { file: path, env });
  return { parsed, config: resolveConfig(parsed, registry, { baseDir: dirname(path) }) };
}

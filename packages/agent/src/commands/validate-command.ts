import { stringify } from 'yaml';
import { type ComponentRegistry, redactConfig } from '@jackwatch/core';
import { loadAgentConfig } from '../load-agent-config.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch validate --config FILE`: prints the resolved config with secrets
 * masked, and any warnings; a bad config throws ConfigError with every problem.
 */
export async function validateCommand(configFile: string, registry: ComponentRegistry): Promise<number> {
  const agent = await loadAgentConfig(configFile, registry);
  process.stdout.write(stringify(redactConfig(agent.parsed)));
  for (const warning of agent.config.warnings) {
    process.stderr.write(`warning: ${warning.file ?? configFile}:${warning.line ?? '?'}: ${warning.message}\n`);
  }
  process.stderr.write(`${configFile}: valid (${agent.config.pipelines.size} pipeline(s))\n`);
  return EXIT.ok;
}

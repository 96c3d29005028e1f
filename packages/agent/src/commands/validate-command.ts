import { stringify } from 'yaml';
import type { ComponentRegistry } from '@jackwatch/core';
import { redactConfig } from '@jackwatch/core/config';
import { listDetectors } from '../detector-members.ts';
import { loadAgentConfig } from '../load-agent-config.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch validate --config FILE`: prints the resolved config with secrets
 * masked, then (on stderr) every detector it creates — each member of an
 * entry that runs several, such as each loaded Sigma rule — and any
 * warnings; a bad config throws ConfigError with every problem.
 */
export async function validateCommand(configFile: string, registry: ComponentRegistry): Promise<number> {
  const agent = await loadAgentConfig(configFile, registry);
  const detectors = listDetectors(agent.config);
  process.stdout.write(stringify(redactConfig(agent.parsed)));
  process.stderr.write(`detectors:\n${detectors.lines.map((line) => `${line}\n`).join('')}`);
  for (const warning of agent.config.warnings) {
    process.stderr.write(`warning: ${warning.file ?? configFile}:${warning.line ?? '?'}: ${warning.message}\n`);
  }
  for (const warning of detectors.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stderr.write(`${configFile}: valid (${agent.config.pipelines.size} pipeline(s))\n`);
  return EXIT.ok;
}

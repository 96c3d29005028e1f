import { stringify } from 'yaml';
import { ConfigError, type ComponentRegistry } from '@jackwatch/core';
import { redactConfig } from '@jackwatch/core/config';
import { listDetectors, type DetectorListing } from '../detector-members.ts';
import { loadAgentConfig, type AgentConfig } from '../load-agent-config.ts';
import { StderrLogger } from '../stderr-logger.ts';
import { configIssueData, invalidConfigData } from './config-issue-data.ts';
import { formatProbeLine, probeComponents, type ComponentProbeResult } from './probe-components.ts';
import { EXIT } from './run-command.ts';

/** Options of {@link validateCommand}. */
export interface ValidateOptions {
  readonly output: 'text' | 'json';
  /** Run every component's probe (see `probeComponents`), with this time per check; `undefined`: no probe. */
  readonly probeTimeoutMs?: number | undefined;
}

/**
 * `jackwatch validate --config FILE [--probe] [--output json]`.
 *
 * Text: prints the resolved config with secrets masked on stdout — or, with
 * `--probe`, one line per check instead — then (on stderr) every detector it
 * creates — each member of an entry that runs several, such as each loaded
 * Sigma rule — and any warnings; a bad config throws ConfigError with every
 * problem.
 *
 * JSON: one document on stdout, for a valid config as for an invalid one
 * (`valid: false` and `errors` with file, path, line, column and message).
 *
 * Exit 0 when valid (and every check passed), 1 when a check failed, 2 for a
 * bad config.
 */
export async function validateCommand(configFile: string, registry: ComponentRegistry, options: ValidateOptions = { output: 'text' }): Promise<number> {
  let agent: AgentConfig;
  let detectors: DetectorListing;
  try {
    agent = await loadAgentConfig(configFile, registry);
    detectors = listDetectors(agent.config, agent.parsed.locate);
  } catch (error) {
    if (options.output !== 'json') throw error;
    // A detector whose creation throws something other than a config error exits 1, as in text.
    const invalid = error instanceof ConfigError ? invalidConfigData(configFile, error) : invalidConfigData(configFile, new ConfigError([{ file: configFile, path: [], line: undefined, column: undefined, message: error instanceof Error ? error.message : String(error) }]));
    process.stdout.write(`${JSON.stringify(invalid, null, 2)}\n`);
    return error instanceof ConfigError ? EXIT.badConfig : EXIT.failed;
  }
  const logs = agent.config.service.logs;
  const probes = options.probeTimeoutMs === undefined ? undefined : await probeComponents(agent.config, { timeoutMs: options.probeTimeoutMs, logger: new StderrLogger(logs.level, logs.format) });
  const failedChecks = probes?.filter((probe) => !probe.ok).length ?? 0;
  const code = failedChecks > 0 ? EXIT.failed : EXIT.ok;
  if (options.output === 'json') {
    const document = {
      file: configFile,
      valid: true,
      pipelines: [...agent.config.pipelines.keys()],
      config: redactConfig(agent.parsed),
      detectors: detectors.entries,
      warnings: [...agent.config.warnings.map(configIssueData), ...detectors.warnings.map((message) => ({ message }))],
      ...(probes !== undefined && { probes, probesFailed: failedChecks }),
    };
    process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    return code;
  }
  if (probes === undefined) process.stdout.write(stringify(redactConfig(agent.parsed)));
  else process.stdout.write(probes.map((probe) => `${formatProbeLine(probe)}\n`).join(''));
  process.stderr.write(`detectors:\n${detectors.lines.map((line) => `${line}\n`).join('')}`);
  for (const warning of agent.config.warnings) {
    process.stderr.write(`warning: ${warning.file ?? configFile}:${warning.line ?? '?'}: ${warning.message}\n`);
  }
  for (const warning of detectors.warnings) process.stderr.write(`warning: ${warning}\n`);
  process.stderr.write(`${configFile}: valid (${agent.config.pipelines.size} pipeline(s))${probes === undefined ? '' : probeSummary(probes, failedChecks)}\n`);
  return code;
}

function probeSummary(probes: readonly ComponentProbeResult[], failed: number): string {
  return `; probe: ${probes.length} check(s), ${probes.length - failed} passed, ${failed} failed`;
}

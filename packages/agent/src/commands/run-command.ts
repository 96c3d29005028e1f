import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ComponentStartError, CounterSet, pipelineProblems, type ComponentRegistry, type Logger } from '@jackwatch/core';
import { formatConfigPath } from '@jackwatch/core/config';
import { findDefaultConfig } from '../find-default-config.ts';
import { formatSummary } from '../format-summary.ts';
import { loadAgentConfig } from '../load-agent-config.ts';
import { ProgressLine } from '../progress-line.ts';
import { runAgent } from '../run-agent.ts';
import { StderrLogger } from '../stderr-logger.ts';
import { unattributedErrors } from '../unattributed-errors.ts';
import { EXIT } from '../cli-reference.ts';
import { routeProcessWarnings } from '../process-warnings.ts';
import { runSummaryRecord } from '../run-summary-record.ts';

export { EXIT };

/**
 * `jackwatch run [--config FILE]`: runs until finite sources are exhausted
 * and everything is delivered, or until SIGINT/SIGTERM drains it. Exits 0
 * when nothing went wrong; 1 when a component failed, a sink lost (or still
 * held) findings, or a component reported an error-level failure — the
 * summary says which. With `logs.format: json` every line on stderr is a
 * JSON object once the config is read — the summary one `run summary`
 * record, Node's process warnings and a component that fails to start
 * included — and the terminal progress line is off.
 */
export async function runCommand(configFile: string | undefined, registry: ComponentRegistry): Promise<number> {
  const file = configFile ?? findDefaultConfig();
  if (file === undefined) {
    process.stderr.write('jackwatch: no --config given and no examples/quickstart/config.yaml here\n');
    return EXIT.badConfig;
  }
  try {
    await access(file, constants.R_OK);
  } catch (error) {
    process.stderr.write(`jackwatch: cannot read config file ${resolve(file)}: ${(error as Error).message}\n`);
    return EXIT.badConfig;
  }
  const agent = await loadAgentConfig(file, registry);
  const logs = agent.config.service.logs;
  const logger = new StderrLogger(logs.level, logs.format);
  const json = logs.format === 'json';
  const restoreWarnings = json ? routeProcessWarnings(logger) : undefined;
  for (const warning of agent.config.warnings) {
    // JSON lines also carry where it is as fields; text keeps its one line.
    const where = json ? { file: warning.file ?? file, line: warning.line ?? null, path: formatConfigPath(warning.path) } : undefined;
    logger.warn(`${warning.file ?? file}:${warning.line ?? '?'}: ${warning.message}`, where);
  }

  const controller = new AbortController();
  const drain = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) {
      logger.warn(`second ${signal}: exiting without draining`);
      process.exit(130);
    }
    logger.info(`${signal} received: draining (stop reading, flush, checkpoint)`);
    controller.abort();
  };
  process.on('SIGINT', drain);
  process.on('SIGTERM', drain);

  let progress: ProgressLine | undefined;
  try {
    logger.info(`running ${agent.config.pipelines.size} pipeline(s) from ${file}`);
    const telemetry = new CounterSet();
    const run = runAgent(agent, {
      logger,
      signal: controller.signal,
      telemetry,
      onStarted: () => {
        if (json) return;
        progress = new ProgressLine(telemetry);
        progress.start();
      },
    });
    // In text mode a start failure reaches the CLI's own error line, as it always has.
    const results = json ? await run.catch((error: unknown) => logStartFailure(logger, error)) : await run;
    if (results === undefined) return EXIT.failed;
    progress?.stop();
    const otherErrors = unattributedErrors(telemetry, results);
    const failed = results.some((r) => pipelineProblems(r).length > 0) || Object.keys(otherErrors).length > 0;
    const code = failed ? EXIT.failed : EXIT.ok;
    process.stderr.write(json ? `${JSON.stringify(runSummaryRecord(results, otherErrors, code))}\n` : formatSummary(results, otherErrors));
    return code;
  } finally {
    progress?.stop();
    restoreWarnings?.();
    process.off('SIGINT', drain);
    process.off('SIGTERM', drain);
  }
}

// JSON mode: a start failure is one error record, with the component as a field of its own when one failed.
function logStartFailure(logger: Logger, error: unknown): undefined {
  if (error instanceof ComponentStartError) logger.error(error.message, { component: error.component });
  else logger.error(`not started: ${error instanceof Error ? error.message : String(error)}`);
  return undefined;
}

import { existsSync } from 'node:fs';
import { createComponentContext, type ComponentRegistry, type ResolvedComponent } from '@jackwatch/core';
import { redeliverDeadLetters, redeliverOtlpDeadLetters, resolveDeadLetterPath } from '@jackwatch/sinks';
import { loadAgentConfig } from '../load-agent-config.ts';
import { StderrLogger } from '../stderr-logger.ts';
import { EXIT } from './run-command.ts';

const REDELIVERABLE = new Set(['webhook', 'otlp']);

/**
 * `jackwatch redeliver --config FILE [--sink ID…]`: sends the findings in the
 * dead-letter files of the config's webhook and otlp sinks again, with each
 * sink's own settings. What fails again stays in the file. Exit 0 when every
 * file is empty afterwards, 1 when findings failed again (or could not even
 * be put back: they stay in `<file>.redelivering` for the next run).
 */
export async function redeliverCommand(configFile: string, sinkIds: readonly string[], registry: ComponentRegistry): Promise<number> {
  const agent = await loadAgentConfig(configFile, registry);
  const logger = new StderrLogger(agent.config.service.logs.level, agent.config.service.logs.format);
  const sinks = [...agent.config.sinks.values()].filter(
    (s) => REDELIVERABLE.has(s.type) && (sinkIds.length === 0 || sinkIds.includes(s.id)),
  );
  const unknown = sinkIds.filter((id) => !sinks.some((s) => s.id === id));
  if (unknown.length > 0) {
    process.stderr.write(`jackwatch: no webhook or otlp sink named ${unknown.join(', ')} in ${configFile}\n`);
    return EXIT.badConfig;
  }
  let failedAgain = 0;
  for (const sink of sinks) failedAgain += await redeliverSink(sink, agent.config.baseDir, logger);
  return failedAgain === 0 ? EXIT.ok : EXIT.failed;
}

async function redeliverSink(sink: ResolvedComponent, baseDir: string, logger: StderrLogger): Promise<number> {
  const configured = (sink.config as { deadLetter?: string }).deadLetter;
  const file = resolveDeadLetterPath(configured, sink.id, baseDir);
  if (!existsSync(file)) {
    process.stderr.write(`${sink.id}: nothing to redeliver (${file} does not exist)\n`);
    return 0;
  }
  const context = createComponentContext(sink.id, { logger, baseDir });
  const options = { config: sink.config as never, context };
  const report = sink.type === 'webhook' ? await redeliverDeadLetters(file, options) : await redeliverOtlpDeadLetters(file, options);
  const lost = report.lost > 0 ? `, LOST ${report.lost} (still in ${file}.redelivering: run redeliver again)` : '';
  process.stderr.write(`${sink.id}: read ${report.read}, delivered ${report.delivered}, dead-lettered again ${report.deadLettered}${lost} (${file})\n`);
  return report.deadLettered + report.lost;
}

import { type ComponentRegistry, createComponentContext, type SinkFactory } from '@jackwatch/core';
import type { ResolvedComponent } from '@jackwatch/core/config';
import { loadAgentConfig } from '../load-agent-config.ts';
import { StderrLogger } from '../stderr-logger.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch redeliver --config FILE [--sink ID…]`: sends the findings in the
 * dead-letter files of the config's sinks again — every sink whose factory
 * offers `redeliver` (webhook, otlp, and plugin sinks that keep a dead-letter
 * file) — with each sink's own settings. What fails again stays in the file.
 * Exit 0 when every file is empty afterwards, 1 when findings failed again
 * (or could not even be put back: they stay in `<file>.redelivering` for the
 * next run), 2 for a sink that is not in the config or cannot redeliver.
 */
export async function redeliverCommand(configFile: string, sinkIds: readonly string[], registry: ComponentRegistry): Promise<number> {
  const agent = await loadAgentConfig(configFile, registry);
  const logger = new StderrLogger(agent.config.service.logs.level, agent.config.service.logs.format);
  const sinks = [...agent.config.sinks.values()].filter((s) => redeliverable(s) && (sinkIds.length === 0 || sinkIds.includes(s.id)));
  const unknown = sinkIds.filter((id) => !sinks.some((s) => s.id === id));
  if (unknown.length > 0) {
    process.stderr.write(`jackwatch: no sink that keeps a dead-letter file is named ${unknown.join(', ')} in ${configFile}\n`);
    return EXIT.badConfig;
  }
  let failedAgain = 0;
  for (const sink of sinks) failedAgain += await redeliverSink(sink, agent.config.baseDir, logger);
  return failedAgain === 0 ? EXIT.ok : EXIT.failed;
}

function redeliverable(sink: ResolvedComponent): boolean {
  return typeof (sink.factory as SinkFactory).redeliver === 'function';
}

async function redeliverSink(sink: ResolvedComponent, baseDir: string, logger: StderrLogger): Promise<number> {
  const factory = sink.factory as SinkFactory;
  const context = createComponentContext(sink.id, { logger, baseDir });
  const report = await factory.redeliver!(sink.config, context);
  if (report === undefined) {
    process.stderr.write(`${sink.id}: nothing to redeliver (no dead-letter file)\n`);
    return 0;
  }
  const lost = report.lost > 0 ? `, LOST ${report.lost} (still in ${report.file}.redelivering: run redeliver again)` : '';
  process.stderr.write(`${sink.id}: read ${report.read}, delivered ${report.delivered}, dead-lettered again ${report.deadLettered}${lost} (${report.file})\n`);
  return report.deadLettered + report.lost;
}

import type { SinkFactory } from '@jackwatch/core';
import { stdoutConfigSchema, type StdoutConfig } from './config.ts';
import { StdoutSink } from './stdout-sink.ts';

/** The `stdout` sink: findings as JSON lines (default) or a pretty block for people. */
export const stdoutSinkFactory: SinkFactory<StdoutConfig> = {
  kind: 'sink',
  type: 'stdout',
  stability: 'stable',
  description: 'Writes findings to stdout as JSON lines or a pretty block',
  configSchema: stdoutConfigSchema,
  create: (config, context) => new StdoutSink(config, context),
};

/**
 * @jackwatch/sinks — where findings go: stdout, webhook, otlp.
 *
 * @packageDocumentation
 */
import type { SinkFactory } from '@jackwatch/core';
import { stdoutSinkFactory } from './stdout/index.ts';

export { stdoutSinkFactory, StdoutSink, stdoutConfigSchema, formatPretty } from './stdout/index.ts';
export type { StdoutConfig } from './stdout/index.ts';

/** Every sink factory of this package, for registries. */
export const builtInSinks: readonly SinkFactory<any>[] = [stdoutSinkFactory];

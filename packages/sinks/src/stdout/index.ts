export { stdoutSinkFactory } from './factory.ts';
export { StdoutSink } from './stdout-sink.ts';
export { stdoutConfigSchema } from './config.ts';
export type { StdoutConfig } from './config.ts';
export { formatPretty } from './format-pretty.ts';

import { isAbsolute, resolve } from 'node:path';
import type { ComponentContext, RedeliveryReport, Sink, SinkStats } from '@jackwatch/core';
import { DeadLetterFile } from './dead-letter-file.ts';
import { redeliverFile } from './redeliver-file.ts';

/** What a redelivery is given: the sink's config (raw or parsed), its services, and a signal that stops sending. */
export interface RedeliveryRequest<Input> {
  readonly config: Input;
  readonly context: ComponentContext;
  readonly signal?: AbortSignal | undefined;
}

/** The redelivery of one sink type's dead-letter files, in the two forms a sink module offers. */
export interface SinkRedelivery<Config> {
  /** With a parsed config and an absolute path: what the factory's `redeliver` capability calls. */
  readonly parsed: (file: string, request: RedeliveryRequest<Config>) => Promise<RedeliveryReport>;
  /** With a raw (or parsed) config and a path resolved against `context.baseDir`: the sink module's public function. */
  readonly raw: (file: string, request: RedeliveryRequest<unknown>) => Promise<RedeliveryReport>;
}

/**
 * Redelivery for a sink type whose sink writes its dead letters to
 * `config.deadLetter`: a temporary sink is built with the dead-letter path
 * set to the file being redelivered, so whatever fails again lands back there.
 */
export function redeliverThroughSink<Config extends { readonly deadLetter?: string | undefined }>(
  schema: { parse(input: unknown): Config },
  createSink: (config: Config, context: ComponentContext) => Sink & { stats(): SinkStats },
): SinkRedelivery<Config> {
  const parsed = (file: string, request: RedeliveryRequest<Config>): Promise<RedeliveryReport> =>
    redeliverFile(createSink({ ...request.config, deadLetter: file }, request.context), new DeadLetterFile(file), request.signal);
  return {
    parsed,
    raw: (file, request) => {
      const path = isAbsolute(file) ? file : resolve(request.context.baseDir, file);
      const config = schema.parse({ ...(request.config as object), deadLetter: path });
      return parsed(path, { config, context: request.context, signal: request.signal });
    },
  };
}

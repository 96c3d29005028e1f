import { existsSync } from 'node:fs';
import type { ComponentContext, RedeliveryReport } from '@jackwatch/core';
import { resolveDeadLetterPath } from './dead-letter-file.ts';

/** A sink type's redelivery of one dead-letter file, with a parsed config (see `redeliverThroughSink`). */
type RedeliverFile<Config> = (file: string, options: { config: Config; context: ComponentContext; signal?: AbortSignal }) => Promise<RedeliveryReport>;

/**
 * The `redeliver` capability of a sink factory whose sink keeps a
 * dead-letter file at `config.deadLetter` (or the default path for its id):
 * nothing to do when neither the file nor an interrupted `<file>.redelivering`
 * exists.
 */
export function redeliverCapability<Config extends { readonly deadLetter?: string | undefined }>(redeliver: RedeliverFile<Config>) {
  return async (config: Config, context: ComponentContext, signal?: AbortSignal): Promise<RedeliveryReport | undefined> => {
    const file = resolveDeadLetterPath(config.deadLetter, context.id, context.baseDir);
    if (!existsSync(file) && !existsSync(`${file}.redelivering`)) return undefined;
    return redeliver(file, { config, context, ...(signal === undefined ? {} : { signal }) });
  };
}

import { checkpointFileOf } from '@jackwatch/core';
import type { JackwatchConfig } from '@jackwatch/core/config';

/** A source of a config and the file its checkpoint is kept in. */
export interface SourceCheckpoint {
  readonly source: string;
  readonly file: string;
}

/**
 * Where a config keeps its checkpoints: the directory and, for each of its
 * sources, the checkpoint file (whether it exists yet or not). `undefined`
 * when the config keeps checkpoints in memory.
 */
export function sourceCheckpoints(config: JackwatchConfig): { dir: string; sources: SourceCheckpoint[] } | undefined {
  const store = config.service.checkpoints;
  if (store.store !== 'file') return undefined;
  return { dir: store.dir, sources: [...config.sources.keys()].map((source) => ({ source, file: checkpointFileOf(store.dir, source) })) };
}

import { lstat, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isCheckpointTemporaryOf, type ComponentRegistry } from '@jackwatch/core';
import { loadAgentConfig } from '../../load-agent-config.ts';
import { EXIT } from '../run-command.ts';
import { sourceCheckpoints, type SourceCheckpoint } from './source-checkpoints.ts';

/**
 * `jackwatch checkpoints reset --config FILE [--source ID…]`: removes the
 * checkpoint files of the named sources (default: every source of the
 * config), and the temporary files an interrupted write left beside them,
 * saying which it removed. The sources then start over as on their first
 * run. A source the config does not define is a usage error (exit 2), and
 * nothing is removed.
 */
export async function resetCheckpoints(configFile: string, sourceIds: readonly string[], registry: ComponentRegistry): Promise<number> {
  const { config } = await loadAgentConfig(configFile, registry);
  const unknown = sourceIds.filter((id) => !config.sources.has(id));
  if (unknown.length > 0) {
    const known = [...config.sources.keys()].join(', ') || 'none';
    process.stderr.write(`jackwatch: no source ${unknown.map((id) => `"${id}"`).join(', ')} in ${configFile} (its sources: ${known})\n`);
    return EXIT.badConfig;
  }
  const where = sourceCheckpoints(config);
  if (where === undefined) {
    process.stdout.write('checkpoints are kept in memory (service.checkpoints.memory: true): there are no files to remove\n');
    return EXIT.ok;
  }
  const selected = sourceIds.length === 0 ? where.sources : where.sources.filter(({ source }) => sourceIds.includes(source));
  let failed = 0;
  for (const checkpoint of selected) failed += await resetOne(checkpoint);
  return failed > 0 ? EXIT.failed : EXIT.ok;
}

async function resetOne({ source, file }: SourceCheckpoint): Promise<number> {
  const leftovers = (await readdir(dirname(file)).catch(() => [])).filter((name) => isCheckpointTemporaryOf(basename(file), name)).map((name) => join(dirname(file), name));
  const info = await lstat(file).catch(() => undefined);
  if (info?.isDirectory() === true) {
    process.stderr.write(`jackwatch: ${file} (source ${source}) is a directory, not a checkpoint file: not removed\n`);
    return 1;
  }
  const removed: string[] = [];
  for (const path of info === undefined ? leftovers : [file, ...leftovers]) {
    try {
      await rm(path);
      removed.push(path);
    } catch (error) {
      process.stderr.write(`jackwatch: cannot remove ${path} (source ${source}): ${(error as Error).message}\n`);
      return 1;
    }
  }
  if (info === undefined && removed.length === 0) process.stdout.write(`${source}: no checkpoint to remove (${file} does not exist)\n`);
  for (const path of removed) process.stdout.write(`${source}: removed ${path}\n`);
  return 0;
}

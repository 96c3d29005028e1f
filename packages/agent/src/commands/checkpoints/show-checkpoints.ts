import { readdir } from 'node:fs/promises';
import { basename } from 'node:path';
import { readCheckpointFile, type CheckpointValue, type ComponentRegistry } from '@jackwatch/core';
import { loadAgentConfig } from '../../load-agent-config.ts';
import { EXIT } from '../run-command.ts';
import { sourceCheckpoints } from './source-checkpoints.ts';

/**
 * `jackwatch checkpoints show --config FILE`: each source's checkpoint file
 * — its size, when it was written and its entries, or why it cannot be used
 * — and any other file in the checkpoint directory. Exit 1 when one cannot
 * be used.
 */
export async function showCheckpoints(configFile: string, registry: ComponentRegistry): Promise<number> {
  const { config } = await loadAgentConfig(configFile, registry);
  const where = sourceCheckpoints(config);
  if (where === undefined) {
    process.stdout.write('checkpoints are kept in memory (service.checkpoints.memory: true): nothing is stored\n');
    return EXIT.ok;
  }
  const lines = [`checkpoints in ${where.dir}:`];
  let unusable = 0;
  for (const { source, file } of where.sources) {
    const content = await readCheckpointFile(file);
    if (content.kind === 'absent') lines.push(`  ${source}: none yet (${file})`);
    else if (content.kind === 'refused') {
      unusable++;
      lines.push(`  ${source}: CANNOT BE USED: ${file} ${content.problem}`);
    } else {
      lines.push(`  ${source}: ${file}, ${content.bytes} bytes, written ${content.modified.toISOString()}`);
      for (const [key, value] of content.entries) lines.push(`    ${JSON.stringify(key)}: ${summarize(value)}`);
    }
  }
  const ours = new Set(where.sources.map(({ file }) => basename(file)));
  const others = (await readdir(where.dir).catch(() => [])).filter((name) => !ours.has(name)).sort();
  if (others.length > 0) lines.push(`  also in the directory, of no source in this config: ${others.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return unusable > 0 ? EXIT.failed : EXIT.ok;
}

function summarize(value: CheckpointValue): string {
  if (Array.isArray(value)) return `${value.length} item(s)`;
  if (typeof value === 'object' && value !== null) return `${Object.keys(value).length} entr${Object.keys(value).length === 1 ? 'y' : 'ies'}`;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

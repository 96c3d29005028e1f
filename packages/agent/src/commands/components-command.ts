import type { ComponentRegistry } from '@jackwatch/core';
import { readConfigFile } from '@jackwatch/core';
import { loadConfigPlugins } from '../load-agent-config.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch components [--config FILE]`: every registered component type
 * with its stability, origin (`package@version`) and description. With
 * `--config`, the plugins the file names are loaded first (the rest of the
 * file is not validated), so their components are listed too.
 */
export async function componentsCommand(registry: ComponentRegistry, configFile?: string): Promise<number> {
  if (configFile !== undefined) {
    const parsed = await readConfigFile(configFile);
    await loadConfigPlugins(parsed, registry);
  }
  const registrations = registry.list();
  const typeWidth = Math.max(4, ...registrations.map((r) => r.factory.type.length));
  const originWidth = Math.max(6, ...registrations.map((r) => r.origin.length));
  const lines: string[] = [];
  for (const kind of ['source', 'processor', 'detector', 'sink'] as const) {
    const ofKind = registry.list(kind);
    lines.push(`${kind}s:`);
    if (ofKind.length === 0) lines.push('  (none)');
    for (const { factory, origin } of ofKind) {
      lines.push(`  ${factory.type.padEnd(typeWidth)}  ${factory.stability.padEnd(11)}  ${origin.padEnd(originWidth)}  ${factory.description}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

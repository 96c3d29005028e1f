import { type ComponentRegistry, ConfigError } from '@jackwatch/core';
import { readConfigFile, resolveConfig } from '@jackwatch/core/config';
import { dirname } from 'node:path';
import { listDetectors } from '../detector-members.ts';
import { loadConfigPlugins } from '../load-agent-config.ts';
import { EXIT } from './run-command.ts';

/**
 * `jackwatch components [--config FILE]`: every registered component type
 * with its stability, origin (`package@version`) and description. With
 * `--config`, the plugins the file names are loaded first, so their
 * components are listed too, and then the detectors the file defines (each
 * loaded Sigma rule included), when the file is valid.
 */
export async function componentsCommand(registry: ComponentRegistry, configFile?: string): Promise<number> {
  let configured: string[] = [];
  if (configFile !== undefined) {
    const parsed = await readConfigFile(configFile);
    const path = parsed.file ?? configFile;
    await loadConfigPlugins(parsed, registry);
    configured = configuredDetectors(() => listDetectors(resolveConfig(parsed, registry, { baseDir: dirname(path) })).lines, configFile);
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
  lines.push(...configured);
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function configuredDetectors(list: () => readonly string[], configFile: string): string[] {
  try {
    return [`detectors in ${configFile}:`, ...list()];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return [`detectors in ${configFile}: not listed, the config is not valid (run jackwatch validate --config ${configFile})`];
  }
}

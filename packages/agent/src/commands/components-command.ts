import { ConfigError, type ComponentRegistry, type FactoryRegistration } from '@jackwatch/core';
import { readConfigFile, resolveConfig } from '@jackwatch/core/config';
import { dirname } from 'node:path';
import { listDetectors, type DetectorEntry } from '../detector-members.ts';
import { loadConfigPlugins } from '../load-agent-config.ts';
import { renderData, type OutputFormat } from './output-format.ts';
import { EXIT } from './run-command.ts';

const KINDS = ['source', 'processor', 'detector', 'sink'] as const;

/** One registered component type, as `components --output json|yaml` lists it. */
export interface ComponentTypeData {
  readonly type: string;
  readonly stability: string;
  /** `package@version` of the plugin that registered it. */
  readonly origin: string;
  readonly description: string;
  /** The optional capabilities its factory offers (`probe`, `redeliver`). */
  readonly capabilities: readonly string[];
}

/** What the config's detectors are, or why they are not listed. */
type ConfiguredDetectors = { readonly file: string; readonly detectors: readonly DetectorEntry[]; readonly lines: readonly string[] } | { readonly file: string; readonly error: string };

/**
 * `jackwatch components [--config FILE] [--output text|json|yaml]`: every
 * registered component type with its stability, origin (`package@version`),
 * description and capabilities. With `--config`, the plugins the file names
 * are loaded first, so their components are listed too, and then the
 * detectors the file defines (each loaded Sigma rule included), when the
 * file is valid. JSON and YAML hold the same as one document:
 * `{ sources, processors, detectors, sinks, config? }`.
 */
export async function componentsCommand(registry: ComponentRegistry, configFile?: string, output: OutputFormat = 'text'): Promise<number> {
  let configured: ConfiguredDetectors | undefined;
  if (configFile !== undefined) {
    const parsed = await readConfigFile(configFile);
    const path = parsed.file ?? configFile;
    await loadConfigPlugins(parsed, registry);
    configured = configuredDetectors(configFile, () => listDetectors(resolveConfig(parsed, registry, { baseDir: dirname(path) }), parsed.locate));
  }
  if (output !== 'text') {
    const document: Record<string, unknown> = {};
    for (const kind of KINDS) document[`${kind}s`] = registry.list(kind).map(typeData);
    if (configured !== undefined) {
      document['config'] = 'error' in configured ? { file: configured.file, valid: false, error: configured.error } : { file: configured.file, valid: true, detectors: configured.detectors };
    }
    process.stdout.write(renderData(document, output));
    return EXIT.ok;
  }
  process.stdout.write(`${[...typeLines(registry), ...configuredLines(configured)].join('\n')}\n`);
  return EXIT.ok;
}

function typeData({ factory, origin }: FactoryRegistration): ComponentTypeData {
  const capabilities = (['probe', 'redeliver'] as const).filter((name) => typeof (factory as unknown as Record<string, unknown>)[name] === 'function');
  return { type: factory.type, stability: factory.stability, origin, description: factory.description, capabilities };
}

function typeLines(registry: ComponentRegistry): string[] {
  const registrations = registry.list();
  const typeWidth = Math.max(4, ...registrations.map((r) => r.factory.type.length));
  const originWidth = Math.max(6, ...registrations.map((r) => r.origin.length));
  const lines: string[] = [];
  for (const kind of KINDS) {
    const ofKind = registry.list(kind);
    lines.push(`${kind}s:`);
    if (ofKind.length === 0) lines.push('  (none)');
    for (const { factory, origin } of ofKind) {
      lines.push(`  ${factory.type.padEnd(typeWidth)}  ${factory.stability.padEnd(11)}  ${origin.padEnd(originWidth)}  ${factory.description}`);
    }
  }
  return lines;
}

function configuredLines(configured: ConfiguredDetectors | undefined): string[] {
  if (configured === undefined) return [];
  if ('error' in configured) return [`detectors in ${configured.file}: not listed, the config is not valid (run jackwatch validate --config ${configured.file})`];
  return [`detectors in ${configured.file}:`, ...configured.lines];
}

function configuredDetectors(file: string, list: () => ReturnType<typeof listDetectors>): ConfiguredDetectors {
  try {
    const listing = list();
    return { file, detectors: listing.entries, lines: listing.lines };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { file, error: error.message };
  }
}

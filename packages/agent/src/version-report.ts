import { CORE_VERSION, PLUGIN_API_VERSION } from '@jackwatch/core';
import type { LoadedPlugin } from './plugins/load-plugins.ts';
import { firstPartyPlugins } from './plugins/first-party-plugins.ts';
import { AGENT_VERSION } from './version.ts';

/** What `jackwatch --version` reports. */
export interface VersionReport {
  readonly agent: string;
  readonly core: string;
  /** The plugin API version this core offers. */
  readonly pluginApi: string;
  readonly node: string;
  /** The first-party packages built in, then the plugins the `--config` file names (when given). */
  readonly plugins: readonly { readonly name: string; readonly version: string; readonly builtIn: boolean; readonly specifier?: string }[];
}

/** The versions of the agent, its core and Node, the built-in packages and the `loaded` plugins. */
export function versionReport(loaded: readonly LoadedPlugin[] = []): VersionReport {
  return {
    agent: AGENT_VERSION,
    core: CORE_VERSION,
    pluginApi: String(PLUGIN_API_VERSION),
    node: process.versions.node,
    plugins: [
      ...firstPartyPlugins.map((p) => ({ name: p.name, version: p.version, builtIn: true })),
      ...loaded.map((p) => ({ name: p.manifest.name, version: p.manifest.version, builtIn: false, specifier: p.specifier })),
    ],
  };
}

/** The report as text: `jackwatch <version>` first (what scripts grep), then one line per part. */
export function formatVersionReport(report: VersionReport): string {
  const lines = [`jackwatch ${report.agent}`, `@jackwatch/core ${report.core} (plugin API ${report.pluginApi})`, `node ${report.node}`];
  const plugins = report.plugins.filter((p) => !p.builtIn);
  lines.push(`built in: ${report.plugins.filter((p) => p.builtIn && p.name !== '@jackwatch/core').map((p) => `${p.name} ${p.version}`).join(', ')}`);
  if (plugins.length > 0) lines.push('plugins:', ...plugins.map((p) => `  ${p.name} ${p.version} (${p.specifier})`));
  return `${lines.join('\n')}\n`;
}

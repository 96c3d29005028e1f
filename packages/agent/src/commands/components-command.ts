import type { ComponentRegistry } from '@jackwatch/core';
import { EXIT } from './run-command.ts';

/** `jackwatch components`: every registered component type, plugins' too. */
export function componentsCommand(registry: ComponentRegistry): number {
  const lines: string[] = [];
  for (const kind of ['source', 'processor', 'detector', 'sink'] as const) {
    const registrations = registry.list(kind);
    lines.push(`${kind}s:`);
    if (registrations.length === 0) lines.push('  (none)');
    for (const { factory, origin } of registrations) {
      lines.push(`  ${factory.type.padEnd(44)} ${factory.stability.padEnd(8)} ${origin.padEnd(22)} ${factory.description}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

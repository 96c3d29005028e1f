/** The conditions Node always applies to `import`. */
const BASE_CONDITIONS = ['import', 'node', 'default'] as const;

/**
 * The export conditions Node resolves `import` with in this process: the
 * base ones plus every `--conditions`/`-C` given on the command line or in
 * `NODE_OPTIONS` (the repository runs with `--conditions=development`).
 *
 * @example activeConditions(['--conditions=development']) // Set { 'import', 'node', 'default', 'development' }
 */
export function activeConditions(execArgv: readonly string[] = process.execArgv, nodeOptions: string | undefined = process.env['NODE_OPTIONS']): Set<string> {
  const conditions = new Set<string>(BASE_CONDITIONS);
  const args = [...execArgv, ...(nodeOptions ?? '').split(/\s+/).filter((arg) => arg !== '')];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const inline = /^(?:--conditions|-C)=(.+)$/.exec(arg);
    if (inline) conditions.add(inline[1]!);
    else if ((arg === '--conditions' || arg === '-C') && args[i + 1] !== undefined) conditions.add(args[++i]!);
  }
  return conditions;
}

/**
 * Picks the target of a package's `exports` for its main entry (`"."`) the
 * way Node does: a string; an array (the first target that resolves); a
 * condition object (the first key, in the order written, that is active or
 * `default`), nested to any depth; or the `"."` entry of a subpath map.
 *
 * One deliberate difference: a target `usable` refuses (TypeScript inside
 * node_modules, which Node will not run) is skipped and the next condition
 * tried, so a package that exports `development: ./src/index.ts` for its
 * own repository still loads its built `default` once installed.
 *
 * @returns the target (`./dist/index.js`), or `undefined` when nothing matches.
 */
export function resolveExportsTarget(exportsField: unknown, conditions: ReadonlySet<string>, usable: (target: string) => boolean = () => true): string | undefined {
  if (isSubpathMap(exportsField)) return pick((exportsField as Record<string, unknown>)['.'], conditions, usable);
  return pick(exportsField, conditions, usable);
}

function pick(target: unknown, conditions: ReadonlySet<string>, usable: (target: string) => boolean): string | undefined {
  if (typeof target === 'string') return usable(target) ? target : undefined;
  if (Array.isArray(target)) {
    for (const candidate of target) {
      const resolved = pick(candidate, conditions, usable);
      if (resolved !== undefined) return resolved;
    }
    return undefined;
  }
  if (typeof target !== 'object' || target === null) return undefined;
  for (const [condition, value] of Object.entries(target)) {
    if (condition !== 'default' && !conditions.has(condition)) continue;
    const resolved = pick(value, conditions, usable);
    if (resolved !== undefined) return resolved;
  }
  return undefined;
}

function isSubpathMap(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).some((key) => key.startsWith('.'));
}

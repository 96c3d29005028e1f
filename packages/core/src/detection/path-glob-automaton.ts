import { GLOBSTAR, type PathGlob } from './path-glob-pattern.ts';

const DOT = 0x2e;
const UNTESTED = -1;

/**
 * Runs one compiled path glob over a path's names: see {@link compileGlobRun}.
 * The array returned is reused by the next run.
 */
export type GlobRun = (names: readonly string[]) => Uint8Array | undefined;

/**
 * Compiles a run of one path glob over a path's names, segment by segment:
 * the state is the set of glob positions (0 to `parts.length`) that the
 * names read so far reach — a dynamic program over (glob segment, path
 * segment). Each name is tested at most once against each distinct segment
 * test, and a test is linear in the name's length (see `compileWildcard`),
 * so a run takes time linear in the path's length for a fixed glob, without
 * backtracking. The state arrays are allocated once, here.
 *
 * A run returns the reached positions (a `1` at each), or `undefined` as
 * soon as none is left.
 */
export function compileGlobRun(glob: PathGlob): GlobRun {
  const { parts, tests } = glob;
  let reached = new Uint8Array(parts.length + 1);
  let next = new Uint8Array(parts.length + 1);
  const passed = new Int8Array(tests.length);
  return (names) => {
    reached.fill(0);
    reached[0] = 1;
    closeOverGlobstars(parts, reached);
    for (const name of names) {
      next.fill(0);
      passed.fill(UNTESTED);
      let any = false;
      for (let position = 0; position < parts.length; position++) {
        if (reached[position] === 0) continue;
        const part = parts[position]!;
        if (part === GLOBSTAR) {
          // `**` takes any name but a dot name, and stays.
          if (name.charCodeAt(0) === DOT) continue;
          next[position] = 1;
          any = true;
        } else {
          if (passed[part] === UNTESTED) passed[part] = tests[part]!(name) ? 1 : 0;
          if (passed[part] === 0) continue;
          next[position + 1] = 1;
          any = true;
        }
      }
      if (!any) return undefined;
      closeOverGlobstars(parts, next);
      [reached, next] = [next, reached];
    }
    return reached;
  };
}

// `**` may also match no segment: whoever reaches it reaches the position after it.
function closeOverGlobstars(parts: readonly number[], reached: Uint8Array): void {
  for (let position = 0; position < parts.length; position++) {
    if (reached[position] === 1 && parts[position] === GLOBSTAR) reached[position + 1] = 1;
  }
}

import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/** Most rule files one `rules` list may name: a guard against pointing it at `/`. */
export const MAX_RULE_FILES = 10_000;

const RULE_EXTENSIONS = ['.yml', '.yaml'];

/** The files a `rules` list names, and the entries that name none. */
export interface RuleFiles {
  /** Absolute paths, sorted, each once. */
  readonly files: readonly string[];
  /** One message per entry that matches no file or cannot be read. */
  readonly problems: readonly string[];
}

/**
 * Expands a `rules` list: a file is taken as it is; a directory gives every
 * `.yml`/`.yaml` file under it (recursively, following symbolic links once,
 * skipping dot-folders and `node_modules`); a glob (`rules/**\/*.yml`)
 * gives the files it matches. Relative entries resolve against `baseDir`.
 */
export function findRuleFiles(entries: readonly string[], baseDir: string): RuleFiles {
  const files = new Set<string>();
  const problems: string[] = [];
  for (const entry of entries) {
    const before = files.size;
    const scan = picomatch.scan(entry);
    const looked = resolve(baseDir, scan.isGlob ? (scan.base === '' ? '.' : scan.base) : entry);
    try {
      if (scan.isGlob) {
        const root = looked;
        const matches = picomatch(scan.glob, { dot: false });
        walk(root, new Set(), (path) => {
          if (matches(relative(root, path).split(sep).join('/'))) files.add(path);
        }, files);
      } else {
        const path = looked;
        const stat = statSync(path);
        if (stat.isDirectory()) walk(path, new Set(), (file) => RULE_EXTENSIONS.some((ext) => file.toLowerCase().endsWith(ext)) && files.add(file), files);
        else files.add(path);
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(`rules entry "${entry}": ${code === 'ENOENT' ? `${looked} does not exist` : (error as Error).message}`);
      continue;
    }
    if (files.size > MAX_RULE_FILES) {
      problems.push(`rules entry "${entry}": more than ${MAX_RULE_FILES} files; name the rule folders themselves`);
      break;
    }
    if (files.size === before) problems.push(`rules entry "${entry}" matches no rule file`);
  }
  return { files: [...files].sort(), problems };
}

function walk(dir: string, seen: Set<string>, visit: (file: string) => unknown, found: ReadonlySet<string>): void {
  const real = realpathSync(dir);
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (found.size > MAX_RULE_FILES) return;
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory() === true);
    if (isDirectory) walk(path, seen, visit, found);
    else if (entry.isFile() || entry.isSymbolicLink()) visit(path);
  }
}

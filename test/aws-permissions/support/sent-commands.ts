import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/run-cli.ts';
import { CLIENT_OF_PACKAGE } from './iam-action.ts';

/** A command class a source module imports from an AWS SDK client package. */
export interface ImportedCommand {
  readonly client: string;
  readonly command: string;
  readonly file: string;
}

const IMPORT = /import\s*\{([^}]*)\}\s*from\s*'(@aws-sdk\/client-[a-z0-9-]+)'/g;

/**
 * Every `…Command` the sources' modules (tests and test data left out)
 * import from an `@aws-sdk/client-*` package: what they can send, whether or
 * not a test drives that path.
 */
export async function importedCommands(dir = join(REPO_ROOT, 'packages/sources/src')): Promise<ImportedCommand[]> {
  const found: ImportedCommand[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath, entry.name);
    if (!entry.isFile() || !file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes('/testdata/')) continue;
    for (const [, names, pkg] of (await readFile(file, 'utf8')).matchAll(IMPORT)) {
      const client = CLIENT_OF_PACKAGE[pkg!];
      if (client === undefined) throw new Error(`${file} imports ${pkg}: add its client to CLIENT_OF_PACKAGE and a policy for it`);
      for (const name of names!.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim())) {
        if (/^[A-Z]\w*Command$/.test(name)) found.push({ client, command: name.replace(/Command$/, ''), file });
      }
    }
  }
  return found;
}

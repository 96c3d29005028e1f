import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A temporary folder of rule files for a test; `remove()` it afterwards. */
export interface RuleFolder {
  readonly dir: string;
  /** Writes `text` to `path` under the folder (creating folders) and returns its absolute path. */
  write(path: string, text: string): string;
  remove(): void;
}

/** Creates a temporary folder, optionally with files in it. */
export function ruleFolder(files: Readonly<Record<string, string>> = {}): RuleFolder {
  const dir = mkdtempSync(join(tmpdir(), 'jackwatch-sigma-'));
  const folder: RuleFolder = {
    dir,
    write: (path, text) => {
      const full = join(dir, path);
      mkdirSync(dirname(full), { recursive: true });
      writeFileSync(full, text);
      return full;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
  for (const [path, text] of Object.entries(files)) folder.write(path, text);
  return folder;
}

/** A minimal valid CloudTrail rule as YAML text. */
export function ruleText(fields: { id?: string; name?: string; title?: string; level?: string; tags?: string[]; detection?: string; logsource?: string; extra?: string } = {}): string {
  return [
    `title: ${fields.title ?? 'Test rule'}`,
    fields.id === undefined ? '' : `id: ${fields.id}`,
    fields.name === undefined ? '' : `name: ${fields.name}`,
    fields.level === undefined ? '' : `level: ${fields.level}`,
    fields.tags === undefined ? '' : `tags: [${fields.tags.join(', ')}]`,
    fields.logsource ?? 'logsource: { product: aws, service: cloudtrail }',
    'detection:',
    fields.detection ?? '    selection: { eventSource: iam.amazonaws.com, eventName: CreateUser }\n    condition: selection',
    fields.extra ?? '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

// Generated or vendored: not documentation the repository writes.
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', '.data', 'reports', 'api']);

/** One markdown document of the repository, its path relative to the root and its text. */
export interface MarkdownFile {
  readonly path: string;
  readonly text: string;
}

/** Every markdown document the repository writes (READMEs, docs/), CHANGELOGs left out. */
export function markdownFiles(dir = REPO_ROOT): MarkdownFile[] {
  const found: MarkdownFile[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) found.push(...markdownFiles(path));
    else if (entry.isFile() && entry.name.endsWith('.md') && entry.name !== 'CHANGELOG.md') {
      found.push({ path: relative(REPO_ROOT, path), text: readFileSync(path, 'utf8') });
    }
  }
  return found;
}

const FENCED_BLOCK = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm;

/** The prose of a markdown text: fenced code blocks and inline code spans removed. */
export function proseOf(markdown: string): string {
  return markdown.replace(FENCED_BLOCK, '').replace(/`[^`\n]*`/g, '');
}

/** The anchors GitHub gives a document's headings (`## 9. Evidence: full or compact` → `9-evidence-full-or-compact`). */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, title] of markdown.replace(FENCED_BLOCK, '').matchAll(/^#{1,6}\s+(.*?)\s*#*\s*$/gm)) {
    const slug = title!.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

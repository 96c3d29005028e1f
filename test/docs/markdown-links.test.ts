import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingAnchors, markdownFiles, proseOf, REPO_ROOT } from './support/markdown-files.ts';

const LINK = /\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;

/** Every relative link of one document that leads nowhere: a missing file, or a heading the target does not have. */
function brokenLinks(path: string, text: string): string[] {
  const broken: string[] = [];
  for (const [, link] of proseOf(text).matchAll(LINK)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(link!)) continue;
    const [file = '', anchor] = link!.split('#');
    const target = file === '' ? join(REPO_ROOT, path) : join(REPO_ROOT, dirname(path), file);
    if (relative(REPO_ROOT, target).startsWith('..')) broken.push(`${link}: outside the repository`);
    else if (!existsSync(target)) broken.push(`${link}: no such file`);
    else if (anchor !== undefined && statSync(target).isFile() && target.endsWith('.md') && !headingAnchors(readFileSync(target, 'utf8')).has(anchor)) {
      broken.push(`${link}: no heading #${anchor}`);
    }
  }
  return broken;
}

describe('links in the documentation', () => {
  const files = markdownFiles();

  it('finds the documents: the root README, docs/ and component READMEs', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('README.md');
    expect(paths).toContain(join('docs', 'embedding.md'));
    expect(paths).toContain(join('packages', 'sinks', 'src', 'webhook', 'README.md'));
  });

  it.each(files.map((f) => [f.path, f.text] as const))('%s: every relative link leads to a file, and to a heading it has', (path, text) => {
    expect(brokenLinks(path, text)).toEqual([]);
  });

  it('reports a link to a missing file and to a missing heading', () => {
    expect(brokenLinks('README.md', '[a](docs/nowhere.md) [b](docs/embedding.md#no-such-heading) [c](docs/embedding.md#pipelines-from-a-config) `[d](x.md)`')).toEqual([
      'docs/nowhere.md: no such file',
      'docs/embedding.md#no-such-heading: no heading #no-such-heading',
    ]);
  });
});

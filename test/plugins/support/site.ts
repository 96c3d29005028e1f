import { mkdir, mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '../../support/run-cli.ts';

/**
 * A fresh directory outside the repository, standing for the place where
 * an operator keeps a jackwatch config and installs plugins next to it.
 */
export async function siteDir(prefix = 'jackwatch-site-'): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

/**
 * Links `node_modules/<name>` in `dir` to the repository's copy of each
 * package. For `@jackwatch/core` this is what makes a plugin's
 * `import '@jackwatch/core'` resolve to the very module the agent runs (the
 * peer dependency an npm install would satisfy with the agent's core): its
 * real path is the repository's packages/core, outside any node_modules, so
 * Node 24 strips its TypeScript under `--conditions=development` exactly as
 * for the agent, and both import the same file URL — one instance.
 */
export async function linkFromRepo(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) {
    const target = await realpath(join(REPO_ROOT, 'node_modules', name));
    const link = join(dir, 'node_modules', name);
    await mkdir(dirname(link), { recursive: true });
    await symlink(target, link, 'dir');
  }
}

/** Writes a package (package.json plus files) under `dir`. */
export async function writePackage(dir: string, manifest: Record<string, unknown>, files: Readonly<Record<string, string>>): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await writeFile(join(dir, file), text);
  }
  return dir;
}

/** A config reading `events.ndjson` beside it, with the plugins and detectors given, findings as JSON lines on stdout. */
export function siteConfig(plugins: readonly string[], detectors: readonly string[]): string {
  return [
    `plugins: ${JSON.stringify(plugins)}`,
    'service: { checkpoints: { memory: true } }',
    'sources:',
    '  file: { paths: [events.ndjson] }',
    'detectors:',
    ...detectors.map((d) => `  ${d}: {}`),
    'sinks:',
    '  stdout: { format: json }',
    'pipelines:',
    `  default: { sources: [file], detectors: ${JSON.stringify(detectors)}, sinks: [stdout] }`,
    '',
  ].join('\n');
}

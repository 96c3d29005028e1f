import { execFile } from 'node:child_process';
import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../../support/run-cli.ts';

const run = promisify(execFile);

/** The published packages, in dependency order. */
export const RELEASED_PACKAGES = ['core', 'sources', 'detectors', 'sigma', 'sinks', 'agent'] as const;

/** npm and turbo on the repository's Node (the one running the tests), without the update notice. */
export const NPM_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env['PATH'] ?? ''}`,
  npm_config_update_notifier: 'false',
};

/**
 * Builds the agent and the packages it depends on (the released ones, not the
 * examples, which other tests build) with turbo, cached when nothing changed.
 * Call it inside {@link withBuildLock}.
 */
export async function buildReleasedPackages(): Promise<void> {
  await run('turbo', ['run', 'build', '--filter=@jackwatch/agent...'], { cwd: REPO_ROOT, env: NPM_ENV, maxBuffer: 64 * 1024 * 1024 });
}

/** `npm run package`: the single executable in `dist/sea/`. Call it inside {@link withBuildLock}. */
export async function packageSingleExecutable(): Promise<string> {
  await run('npm', ['run', 'package'], { cwd: REPO_ROOT, env: NPM_ENV, maxBuffer: 64 * 1024 * 1024 });
  return join(REPO_ROOT, 'dist/sea', process.platform === 'win32' ? 'jackwatch.exe' : 'jackwatch');
}

/** One packed package: its tarball and the files npm put in it. */
export interface PackedPackage {
  readonly name: string;
  readonly tarball: string;
  readonly files: readonly string[];
}

/** `npm pack`s each released package (or those of `dirs`, under packages/) into `dest`, as a release would publish it. */
export async function packPackages(dest: string, dirs: readonly (typeof RELEASED_PACKAGES)[number][] = RELEASED_PACKAGES): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = [];
  for (const dir of dirs) {
    const { stdout } = await run('npm', ['pack', '--pack-destination', dest, '--json'], { cwd: join(REPO_ROOT, 'packages', dir), env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
    const [report] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [{ name: string; filename: string; files: { path: string }[] }];
    packed.push({ name: report.name, tarball: join(dest, report.filename), files: report.files.map((f) => f.path) });
  }
  return packed;
}

/**
 * Installs the tarballs into `site` (a fresh directory with a package.json of
 * its own), so that the `@jackwatch/*` dependencies come from the tarballs and
 * everything else from the npm cache `npm ci` filled (the registry only for
 * what is not cached: `--offline` needs metadata `npm ci` never caches).
 */
export async function installPacked(site: string, packed: readonly Pick<PackedPackage, 'tarball'>[]): Promise<void> {
  await writeFile(join(site, 'package.json'), '{ "name": "jackwatch-install", "version": "1.0.0", "private": true }\n');
  await run('npm', ['install', ...packed.map((p) => p.tarball), '--prefer-offline', '--no-audit', '--no-fund'], { cwd: site, env: NPM_ENV, maxBuffer: 16 * 1024 * 1024 });
}

/**
 * Compiles the example detector plugin into `site/node_modules` as npm would
 * install it (its package.json and `dist/`), without writing into the
 * repository, where the plugin tests pack it at the same time.
 */
export async function installExamplePlugin(site: string): Promise<string> {
  const source = join(REPO_ROOT, 'examples/detector-plugin');
  const manifest = JSON.parse(await readFile(join(source, 'package.json'), 'utf8')) as { name: string };
  const target = join(site, 'node_modules', manifest.name);
  await mkdir(target, { recursive: true });
  await run('tsc', ['-p', join(source, 'tsconfig.build.json'), '--outDir', join(target, 'dist')], { cwd: source, env: NPM_ENV });
  await copyFile(join(source, 'package.json'), join(target, 'package.json'));
  return manifest.name;
}

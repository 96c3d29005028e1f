import { existsSync } from 'node:fs';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteDir } from '../plugins/support/site.ts';
import { installPacked, packPackages, RELEASED_PACKAGES, type PackedPackage, buildReleasedPackages } from './support/packed-release.ts';
import { withBuildLock } from './support/build-lock.ts';
import { copyQuickstart, expectQuickstartFindings } from './support/quickstart-site.ts';
import { runProgram } from './support/run-program.ts';

let site: string;
let packed: PackedPackage[];
let config: string;
// The installed bin's `#!/usr/bin/env node` finds the Node running these tests (24), not an older system one.
const env = { PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}` };

describe('the packed release installed into a fresh directory', () => {
  beforeAll(async () => {
    site = await siteDir('jackwatch-install-');
    await mkdir(join(site, 'tarballs'));
    packed = await withBuildLock(async () => {
      await buildReleasedPackages();
      return packPackages(join(site, 'tarballs'));
    });
    await installPacked(site, packed);
    config = await copyQuickstart(site);
  }, 600_000);

  afterAll(() => rm(site, { recursive: true, force: true }));

  it('packs only built JavaScript, the README, the LICENSE and the CHANGELOG of each package', () => {
    expect(packed.map((p) => p.name)).toEqual(RELEASED_PACKAGES.map((dir) => `@jackwatch/${dir}`));
    for (const { name, files } of packed) {
      const outside = files.filter((file) => !file.startsWith('dist/') && !['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].includes(file));
      expect(outside, name).toEqual([]);
      expect(files, name).toEqual(expect.arrayContaining(['LICENSE', 'CHANGELOG.md', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
      expect(files.filter((file) => file.endsWith('.test.js') || file.includes('/testdata/') || file.endsWith('.ts') && !file.endsWith('.d.ts')), name).toEqual([]);
    }
  });

  it('carries the metadata a registry page and provenance need', async () => {
    for (const dir of RELEASED_PACKAGES) {
      const manifest = JSON.parse(await readFile(join(site, 'node_modules/@jackwatch', dir, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest['repository'], dir).toMatchObject({ type: 'git', directory: `packages/${dir}` });
      expect(manifest['keywords'], dir).toContain('jackwatch');
      expect(manifest['license'], dir).toBe('Apache-2.0');
      expect(existsSync(join(site, 'node_modules/@jackwatch', dir, 'src')), dir).toBe(false);
    }
  });

  it('runs the quickstart with the installed jackwatch bin, on dist/ (no development condition)', async () => {
    const bin = join(site, 'node_modules/.bin/jackwatch');
    const result = await runProgram(bin, ['run', '--config', config], { cwd: site, env });
    expectQuickstartFindings(result);
    const version = await runProgram(bin, ['--version'], { cwd: site, env });
    expect(version.stdout.split('\n')[0]).toBe('jackwatch 0.1.0');
    expect(version.stdout).toContain('@jackwatch/core 0.1.0');
  });
});

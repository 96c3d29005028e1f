import { existsSync } from 'node:fs';
import { copyFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORE_VERSION, type Finding } from '@jackwatch/core';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';
import { linkFromRepo, siteConfig, siteDir, writePackage } from './support/site.ts';

const EVENTS = join(REPO_ROOT, 'examples/detector-plugin/fixtures/fires-on-new-ip/events.ndjson');

/** A JavaScript plugin module registering one detector that fires on every InvokeModel. */
function invocationPlugin(name: string, type: string, extra = ''): string {
  return `import { definePlugin, match, orUnknown } from '@jackwatch/core';
import { z } from 'zod';
${extra}
const meta = {
  id: '${type}', title: 'Every invocation', version: '1.0.0', description: 'Fires on every InvokeModel.', severity: 'low', riskScore: 5,
  attack: { tactics: [], techniques: [{ id: 'T1496.004', name: 'Resource Hijacking: Cloud Service Hijacking' }] },
  references: [], tags: [], falsePositives: ['all of them'], investigation: 'none',
};
export default definePlugin({
  name: '${name}', version: '1.0.0', apiVersion: 1,
  components: [{
    kind: 'detector', type: '${type}', stability: 'development', description: 'every InvokeModel',
    configSchema: z.strictObject({}),
    create: (_config, context) => match({ meta, id: context.id, select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['InvokeModel'] },
      where: (e) => e.action === 'InvokeModel', finding: (e) => ({ group: { sourceIp: orUnknown(e.sourceIp) }, summary: 'invoked' }) }),
  }],
});
`;
}

const manifestModule = (manifest: string): string => `export default ${manifest};\n`;
const factory = (type: string, kind = 'detector') =>
  `{ kind: '${kind}', type: '${type}', stability: 'alpha', description: 'x', configSchema: { safeParse: (v) => ({ success: true, data: v }) }, create: () => { throw new Error('unused'); } }`;

let site: string;

async function config(file: string, plugins: readonly string[], detectors: readonly string[] = ['aws-bedrock-logging-deletion']): Promise<string> {
  const path = join(site, file);
  await writeFile(path, siteConfig(plugins, detectors));
  return path;
}

describe('plugins: in the config', () => {
  beforeAll(async () => {
    site = await siteDir();
    await linkFromRepo(site, ['@jackwatch/core', 'zod']);
    await copyFile(EVENTS, join(site, 'events.ndjson'));
    const modules = join(site, 'node_modules');
    await writePackage(join(site, 'plugins/every-invocation'), { name: 'every-invocation', version: '1.0.0', type: 'module', main: 'index.js' }, { 'index.js': invocationPlugin('every-invocation', 'test-every-invocation') });
    await writePackage(join(modules, '@acme/unnamed'), { name: '@acme/unnamed', version: '1.0.0', type: 'module', exports: './index.js' }, {
      'index.js': invocationPlugin('@acme/unnamed', 'acme-unnamed', "import { writeFileSync } from 'node:fs';\nwriteFileSync(new URL('./imported.marker', import.meta.url), 'imported');"),
    });
    await writePackage(join(modules, '@acme/no-manifest'), { name: '@acme/no-manifest', version: '1.0.0', type: 'module', exports: { import: './index.js' } }, {
      'index.js': 'export const detectors = [];\nexport function helper() {}\n',
    });
    await writePackage(join(modules, '@acme/future'), { name: '@acme/future', version: '3.0.0', type: 'module', main: 'index.js' }, {
      'index.js': manifestModule(`{ name: '@acme/future', version: '3.0.0', apiVersion: 2, register(registry) {} }`),
    });
    await writePackage(join(modules, '@acme/first'), { name: '@acme/first', version: '1.0.0', type: 'module', main: 'index.js' }, {
      'index.js': manifestModule(`{ name: '@acme/first', version: '1.0.0', apiVersion: 1, components: [${factory('shared-rule')}] }`),
    });
    await writePackage(join(modules, '@acme/second'), { name: '@acme/second', version: '2.1.0', type: 'module', main: 'index.js' }, {
      'index.js': manifestModule(`{ name: '@acme/second', version: '2.1.0', apiVersion: 1, components: [${factory('shared-rule')}] }`),
    });
    await writePackage(join(modules, '@acme/stdout'), { name: '@acme/stdout', version: '1.0.0', type: 'module', main: 'index.js' }, {
      'index.js': manifestModule(`{ name: '@acme/stdout', version: '1.0.0', apiVersion: 1, components: [${factory('stdout', 'sink')}] }`),
    });
    await writePackage(join(modules, '@acme/broken'), { name: '@acme/broken', version: '1.0.0', type: 'module', main: 'index.js' }, {
      'index.js': manifestModule(`{ name: '@acme/broken', version: '1.0.0', apiVersion: 1, components: [{ kind: 'detector', type: 'Broken Rule', description: 'x' }] }`),
    });
    await writePackage(join(modules, '@acme/impostor'), { name: '@acme/impostor', version: '1.0.0', type: 'module', main: 'index.js' }, {
      'index.js': manifestModule(`{ name: '@acme/someone-else', version: '1.0.0', apiVersion: 1, components: [${factory('impostor-rule')}] }`),
    });
    await writePackage(join(modules, '@acme/old-core'), { name: '@acme/old-core', version: '1.0.0', type: 'module', main: 'index.js', peerDependencies: { '@jackwatch/core': '^0.0.1' } }, {
      'index.js': invocationPlugin('@acme/old-core', 'old-core-rule'),
    });
    await writePackage(join(modules, '@acme/this-core'), { name: '@acme/this-core', version: '1.0.0', type: 'module', main: 'index.js', peerDependencies: { '@jackwatch/core': `^${CORE_VERSION}` } }, {
      'index.js': invocationPlugin('@acme/this-core', 'this-core-rule'),
    });
    await writePackage(join(modules, '@acme/typescript'), { name: '@acme/typescript', version: '1.0.0', type: 'module', exports: './src/index.ts' }, {
      'src/index.ts': 'export default {} as never;\n',
    });
  });

  afterAll(() => rm(site, { recursive: true, force: true }));

  it('loads a plugin from a local path for development, and its detector fires', async () => {
    const file = await config('local.yaml', ['./plugins/every-invocation'], ['test-every-invocation']);
    const { code, stdout, stderr } = await runCli(['run', '--config', file], { cwd: REPO_ROOT });
    expect(code, stderr).toBe(0);
    expect(jsonLines<Finding>(stdout).map((f) => f.group['sourceIp'])).toEqual(['10.20.0.14', '185.220.101.34']);
    const listed = await runCli(['components', '--config', file]);
    expect(listed.stdout).toMatch(/test-every-invocation +development +every-invocation@1\.0\.0 +every InvokeModel/);
  });

  it('loads a plugin whose peer range includes the running core', async () => {
    const file = await config('this-core.yaml', ['@acme/this-core'], ['this-core-rule']);
    const { code, stderr } = await runCli(['validate', '--config', file]);
    expect(code, stderr).toBe(0);
  });

  it('imports no code the config does not name, even when the package is installed', async () => {
    const file = await config('unnamed.yaml', [], ['aws-bedrock-logging-deletion']);
    const listed = await runCli(['components', '--config', file]);
    const ran = await runCli(['run', '--config', file]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(listed.stdout).not.toContain('acme-unnamed');
    expect(existsSync(join(site, 'node_modules/@acme/unnamed/imported.marker'))).toBe(false);
    const used = await runCli(['validate', '--config', await config('uses-unnamed.yaml', [], ['acme-unnamed'])]);
    expect(used.code).toBe(2);
    expect(used.stderr).toContain('unknown detector type "acme-unnamed"');
    const named = await runCli(['validate', '--config', await config('names-it.yaml', ['@acme/unnamed'], ['acme-unnamed'])]);
    expect(named.code, named.stderr).toBe(0);
    expect(existsSync(join(site, 'node_modules/@acme/unnamed/imported.marker'))).toBe(true);
  });

  const failures: [string, string[], RegExp][] = [
    ['a missing package', ['@acme/missing'], /:1:\d+: plugins\[0\]: plugin "@acme\/missing": package not found: install it next to the config \(npm install @acme\/missing\); looked in .*node_modules/],
    ['a module without a manifest', ['@acme/no-manifest'], /plugins\[0\]: plugin "@acme\/no-manifest": .*index\.js exports no plugin manifest: expected `export default definePlugin\(\{ … \}\)` \(or a named export `plugin`\); it exports detectors, helper$/m],
    ['an API version this core does not support', ['@acme/future'], /plugins\[0\]: plugin "@acme\/future": targets plugin API version 2, but this @jackwatch\/core supports version 1; upgrade jackwatch, or install a release of the plugin written for the older API$/m],
    ['two plugins registering the same type', ['@acme/first', '@acme/second'], /plugins\[1\]: plugin "@acme\/second": detector type "shared-rule" is already registered by @acme\/first@1\.0\.0; two plugins cannot register the same type/],
    ['a plugin taking a first-party type', ['@acme/stdout'], /plugins\[0\]: plugin "@acme\/stdout": sink type "stdout" is already registered by @jackwatch\/sinks@/],
    ['an invalid manifest', ['@acme/broken'], /plugin "@acme\/broken": invalid plugin manifest: components\[0\]\.type: type must be lowercase .*; components\[0\]\.stability: .*; components\[0\]\.create: create must be a function/],
    ['a manifest named after another package', ['@acme/impostor'], /plugin "@acme\/impostor": the manifest is named "@acme\/someone-else", but the package is "@acme\/impostor"/],
    ['an installed package that ships only TypeScript', ['@acme/typescript'], /plugin "@acme\/typescript": .*package\.json exports only TypeScript \(\.\/src\/index\.ts\), which Node does not run inside node_modules: a published plugin must ship built JavaScript/],
    ['a plugin made for another core release', ['@acme/old-core'], new RegExp(`plugins\\[0\\]: plugin "@acme/old-core": needs @jackwatch/core \\^0\\.0\\.1 \\(its peerDependencies\\), but this agent runs ${CORE_VERSION.replaceAll('.', '\\.')}`)],
    ['the same plugin listed twice', ['./plugins/every-invocation', './plugins/every-invocation'], /plugins\[1\]: plugin "\.\/plugins\/every-invocation": is listed twice in plugins \(entries 1 and 2\)/],
  ];
  for (const [what, plugins, message] of failures) {
    it(`stops with exit 2 and one clear error naming the plugin for ${what}`, async () => {
      const file = await config(`bad-${what.replaceAll(' ', '-')}.yaml`, plugins);
      const { code, stdout, stderr } = await runCli(['run', '--config', file]);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^jackwatch: invalid config\n/);
      expect(stderr).toMatch(message);
    });
  }

  it('reports every failing plugin at once, each at its line', async () => {
    const file = join(site, 'several.yaml');
    await writeFile(file, siteConfig([], ['aws-bedrock-logging-deletion']).replace('plugins: []', 'plugins:\n  - "@acme/missing"\n  - ./plugins/every-invocation\n  - "@acme/future"'));
    const { code, stderr } = await runCli(['validate', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/several\.yaml:2:5: plugins\[0\]: plugin "@acme\/missing"/);
    expect(stderr).toMatch(/several\.yaml:4:5: plugins\[2\]: plugin "@acme\/future": targets plugin API version 2/);
    expect(stderr).not.toContain('every-invocation');
  });
});

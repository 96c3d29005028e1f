import { mkdir, mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { activeConditions } from './node-conditions.ts';
import { resolveExportsTarget } from './resolve-exports.ts';
import { resolvePlugin } from './resolve-plugin.ts';

const NODE = new Set(['import', 'node', 'default']);
const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function tempRoot(): Promise<string> {
  const dir = await realpath(await mkdtemp(join(tmpdir(), 'jackwatch-resolve-')));
  made.push(dir);
  return dir;
}
const DEV = new Set([...NODE, 'development']);

async function pkg(dir: string, manifest: Record<string, unknown>, files: readonly string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'package.json'), JSON.stringify(manifest));
  for (const file of files) {
    await mkdir(join(dir, file, '..'), { recursive: true });
    await writeFile(join(dir, file), 'export default {};\n');
  }
  return dir;
}

describe('resolveExportsTarget', () => {
  it('follows Node: strings, "." maps, condition objects in written order, nesting and arrays', () => {
    expect(resolveExportsTarget('./a.js', NODE)).toBe('./a.js');
    expect(resolveExportsTarget({ '.': './a.js', './sub': './b.js' }, NODE)).toBe('./a.js');
    expect(resolveExportsTarget({ require: './c.cjs', import: './m.js' }, NODE)).toBe('./m.js');
    expect(resolveExportsTarget({ development: './src/i.ts', default: './dist/i.js' }, DEV)).toBe('./src/i.ts');
    expect(resolveExportsTarget({ development: './src/i.ts', default: './dist/i.js' }, NODE)).toBe('./dist/i.js');
    expect(resolveExportsTarget({ '.': { node: { import: './n.mjs' }, default: './d.js' } }, NODE)).toBe('./n.mjs');
    expect(resolveExportsTarget({ '.': [{ worker: './w.js' }, './fallback.js'] }, NODE)).toBe('./fallback.js');
    expect(resolveExportsTarget({ './sub': './b.js' }, NODE)).toBeUndefined();
    expect(resolveExportsTarget({ require: './c.cjs' }, NODE)).toBeUndefined();
  });

  it('skips a target the caller cannot use and tries the next condition', () => {
    const noTs = (t: string) => !t.endsWith('.ts');
    expect(resolveExportsTarget({ development: './src/i.ts', types: './dist/i.d.ts', default: './dist/i.js' }, DEV, noTs)).toBe('./dist/i.js');
  });
});

describe('activeConditions', () => {
  it('reads --conditions and -C from the command line and NODE_OPTIONS', () => {
    expect([...activeConditions(['--conditions=development'], undefined)].sort()).toEqual(['default', 'development', 'import', 'node']);
    expect([...activeConditions(['-C', 'edge'], '--conditions staging --max-old-space-size=100')].sort()).toEqual(['default', 'edge', 'import', 'node', 'staging']);
    expect([...activeConditions([], undefined)].sort()).toEqual(['default', 'import', 'node']);
  });
});

describe('resolvePlugin', () => {
  it('finds a package in the nearest node_modules walking up from the config directory', async () => {
    const root = await tempRoot();
    const configDir = join(root, 'site', 'config');
    await mkdir(configDir, { recursive: true });
    await pkg(join(root, 'node_modules', '@acme', 'x'), { name: '@acme/x', version: '2.0.0', exports: { '.': { import: './dist/index.js' } } }, ['dist/index.js']);
    expect(resolvePlugin('@acme/x', configDir, NODE)).toEqual({ specifier: '@acme/x', file: join(root, 'node_modules/@acme/x/dist/index.js'), expectedName: '@acme/x', version: '2.0.0', corePeerRange: undefined });
  });

  it('falls back to main, then index.js', async () => {
    const root = await tempRoot();
    await pkg(join(root, 'node_modules', 'with-main'), { name: 'with-main', main: 'lib/plugin.js' }, ['lib/plugin.js']);
    await pkg(join(root, 'node_modules', 'bare'), { name: 'bare' }, ['index.js']);
    expect(resolvePlugin('with-main', root, NODE)).toMatchObject({ file: join(root, 'node_modules/with-main/lib/plugin.js') });
    expect(resolvePlugin('bare', root, NODE)).toMatchObject({ file: join(root, 'node_modules/bare/index.js') });
  });

  it('inside node_modules skips TypeScript targets (the repository\'s development condition) for the built JavaScript', async () => {
    const root = await tempRoot();
    const exportsField = { '.': { development: './src/index.ts', default: './dist/index.js' } };
    await pkg(join(root, 'node_modules', 'built'), { name: 'built', exports: exportsField }, ['dist/index.js']);
    await pkg(join(root, 'node_modules', 'unbuilt'), { name: 'unbuilt', exports: exportsField }, ['src/index.ts']);
    const linked = await pkg(join(root, 'workspace', 'linked'), { name: 'linked', exports: exportsField }, ['src/index.ts']);
    await symlink(linked, join(root, 'node_modules', 'linked'));
    expect(resolvePlugin('built', root, DEV)).toMatchObject({ file: join(root, 'node_modules/built/dist/index.js') });
    expect(resolvePlugin('unbuilt', root, DEV)).toBe(`"exports" of ${join(root, 'node_modules/unbuilt/package.json')} names ${join(root, 'node_modules/unbuilt/dist/index.js')}, which does not exist (is the package built?)`);
    // A workspace link's real path is outside node_modules: its sources run as they are.
    expect(resolvePlugin('linked', root, DEV)).toMatchObject({ file: join(root, 'node_modules/linked/src/index.ts') });
  });

  it('resolves local paths from the config directory: a package directory or a module file, with any manifest name', async () => {
    const root = await tempRoot();
    await pkg(join(root, 'plugins', 'dev'), { name: 'dev-plugin', version: '0.0.1', main: 'main.js' }, ['main.js']);
    await writeFile(join(root, 'single.js'), 'export default {};\n');
    expect(resolvePlugin('./plugins/dev', root, NODE)).toEqual({ specifier: './plugins/dev', file: join(root, 'plugins/dev/main.js'), expectedName: undefined, version: '0.0.1', corePeerRange: undefined });
    expect(resolvePlugin(join(root, 'single.js'), '/elsewhere', NODE)).toMatchObject({ file: join(root, 'single.js'), expectedName: undefined });
    expect(resolvePlugin('./nope', root, NODE)).toBe(`no file or directory at ${join(root, 'nope')}`);
  });

  it('explains a missing package and refuses what is neither a package name nor a path', async () => {
    const root = await tempRoot();
    expect(resolvePlugin('@acme/missing', root, NODE)).toMatch(/^package not found: install it next to the config \(npm install @acme\/missing\); looked in /);
    expect(resolvePlugin('@acme/x/dist/evil.js', root, NODE)).toBe('"@acme/x/dist/evil.js" is neither an npm package name (like @acme/jackwatch-detectors) nor a local path (starting with ./, ../ or /)');
    expect(resolvePlugin('https://example.com/x.js', root, NODE)).toMatch(/is neither an npm package name/);
  });
});

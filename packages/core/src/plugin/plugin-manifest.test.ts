import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { DetectorFactory, SinkFactory } from '../component/factory.ts';
import { match } from '../detection/match.ts';
import type { DetectorMeta } from '../component/detector.ts';
import { ComponentRegistry } from '../registry/component-registry.ts';
import { definePlugin } from './define-plugin.ts';
import { PLUGIN_API_VERSION } from './plugin-api-version.ts';
import { PluginError } from './plugin-error.ts';
import { registerPlugin } from './register-plugin.ts';
import { validatePluginManifest } from './validate-plugin-manifest.ts';

const meta = (id: string): DetectorMeta => ({
  id,
  title: id,
  version: '1.0.0',
  description: id,
  severity: 'low',
  riskScore: 1,
  attack: { tactics: [], techniques: [{ id: 'T1580', name: 'Cloud Infrastructure Discovery' }] },
  references: [],
  tags: [],
  falsePositives: ['none'],
  investigation: 'look',
});

const detector = (type: string): DetectorFactory<Record<string, never>> => ({
  kind: 'detector',
  type,
  stability: 'alpha',
  description: `the ${type} rule`,
  configSchema: z.strictObject({}),
  create: (_config, context) => match({ meta: meta(type), id: context.id, select: 'all', where: () => false, finding: () => ({ group: {}, summary: '' }) }),
});

const sink: SinkFactory<Record<string, never>> = {
  kind: 'sink',
  type: 'stdout',
  stability: 'stable',
  description: 'a second stdout',
  configSchema: z.strictObject({}),
  create: () => {
    throw new Error('not created in these tests');
  },
};

const manifest = (overrides: Record<string, unknown> = {}) => ({ name: '@acme/x', version: '1.2.3', apiVersion: PLUGIN_API_VERSION, components: [detector('acme-x')], ...overrides });

function errorOf(action: () => unknown): PluginError {
  try {
    action();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error('expected a PluginError');
}

describe('definePlugin', () => {
  it('returns the manifest as written, frozen', () => {
    const plugin = definePlugin(manifest());
    expect(plugin.name).toBe('@acme/x');
    expect(Object.isFrozen(plugin)).toBe(true);
  });
});

describe('validatePluginManifest', () => {
  it('accepts a manifest for this API and returns it', () => {
    const plugin = manifest();
    expect(validatePluginManifest(plugin, { expectedName: '@acme/x' })).toBe(plugin);
  });

  it('reports an API version mismatch as the one error, with what to do', () => {
    const newer = errorOf(() => validatePluginManifest({ name: '@acme/x', apiVersion: 2, whatever: true }, { plugin: '@acme/x', coreVersion: '0.1.0' }));
    expect(newer.message).toBe(
      'plugin "@acme/x": targets plugin API version 2, but @jackwatch/core 0.1.0 supports version 1; upgrade jackwatch, or install a release of the plugin written for the older API',
    );
    expect(newer.plugin).toBe('@acme/x');
    expect(errorOf(() => validatePluginManifest(manifest({ apiVersion: 0 }))).message).toContain('targets plugin API version 0');
  });

  it('lists every shape problem with its path', () => {
    const broken = manifest({ version: 'one', components: [{ ...detector('Bad Type'), create: 'nope' }], extra: 1 });
    const error = errorOf(() => validatePluginManifest(broken, { plugin: './plugins/x' }));
    expect(error.message).toMatch(/^plugin "\.\/plugins\/x": invalid plugin manifest: /);
    expect(error.message).toContain('version: version must be a semantic version such as 1.2.3');
    expect(error.message).toContain('components[0].type: type must be lowercase letters, digits and "-", starting with a letter');
    expect(error.message).toContain('components[0].create: create must be a function');
    expect(error.message).toContain('Unrecognized key: "extra"');
  });

  it('refuses an empty component list, a non-object, and a name that is not the package', () => {
    expect(errorOf(() => validatePluginManifest(manifest({ components: [] }))).message).toContain('components is empty');
    expect(errorOf(() => validatePluginManifest(null, { plugin: 'p' })).message).toBe('plugin "p": the manifest must be an object, got null');
    expect(errorOf(() => validatePluginManifest(manifest(), { expectedName: '@acme/y' })).message).toContain('the manifest is named "@acme/x", but the package is "@acme/y"');
  });
});

describe('registerPlugin', () => {
  it('registers every component with the origin name@version', () => {
    const registry = new ComponentRegistry();
    registerPlugin(registry, manifest({ components: [detector('acme-a'), detector('acme-b')] }));
    expect(registry.list('detector').map((r) => `${r.factory.type} ${r.origin}`)).toEqual(['acme-a @acme/x@1.2.3', 'acme-b @acme/x@1.2.3']);
  });

  it('registers nothing when one type is taken, and names both owners', () => {
    const registry = new ComponentRegistry();
    registry.register(sink, '@jackwatch/sinks@0.1.0');
    const error = errorOf(() => registerPlugin(registry, manifest({ name: '@acme/y', components: [detector('acme-y'), sink] })));
    expect(error.message).toBe(
      'plugin "@acme/y": sink type "stdout" is already registered by @jackwatch/sinks@0.1.0; two plugins cannot register the same type (remove one of them from plugins:)',
    );
    expect(registry.get('detector', 'acme-y')).toBeUndefined();
  });

  it('refuses a manifest that lists a type twice', () => {
    const registry = new ComponentRegistry();
    expect(errorOf(() => registerPlugin(registry, manifest({ components: [detector('acme-a'), detector('acme-a')] }))).message).toBe('plugin "@acme/x": registers detector type "acme-a" twice');
    expect(registry.list()).toEqual([]);
  });
});

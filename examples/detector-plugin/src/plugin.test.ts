import { fileURLToPath } from 'node:url';
import { ComponentRegistry, loadFixtureEvents, PLUGIN_API_VERSION, registerPlugin, validatePluginManifest } from '@jackwatch/core';
import { checkDetectorFactory, EventFactory, iamUser, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import plugin, { newOriginConfigSchema, newOriginFactory } from './index.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');

describe('@acme/jackwatch-bedrock-new-origin manifest', () => {
  it('is a valid manifest for this core, named after the package, with the package version', async () => {
    const pkg = (await import('../package.json', { with: { type: 'json' } })).default as { name: string; version: string };
    expect(validatePluginManifest(plugin, { expectedName: pkg.name })).toBe(plugin);
    expect(plugin.version).toBe(pkg.version);
    expect(plugin.apiVersion).toBe(PLUGIN_API_VERSION);
  });

  it('registers its detector the way the agent does', () => {
    const registry = new ComponentRegistry();
    registerPlugin(registry, plugin);
    expect(registry.list().map((r) => [r.factory.type, r.origin])).toEqual([['acme-bedrock-new-origin', `${plugin.name}@${plugin.version}`]]);
  });

  it('passes the detector conformance kit', () => {
    const ev = new EventFactory('conformance', { identity: iamUser({ userName: 'dev' }) });
    const firing = [
      ev.event({ time: T0, action: 'InvokeModel', sourceIp: '198.51.100.7' }),
      ev.event({ time: T0 + 60_000, action: 'InvokeModel', sourceIp: '185.220.101.34' }),
    ];
    expect(checkDetectorFactory(newOriginFactory, { firing })).toEqual([]);
  });

  it('finds the stolen-key invocation in the NDJSON fixture the data tests use', async () => {
    const events = await loadFixtureEvents(fileURLToPath(new URL('../fixtures/fires-on-new-ip/events.ndjson', import.meta.url)));
    const { findings } = runDetector(newOriginFactory.create(newOriginConfigSchema.parse({}), testContext('acme-bedrock-new-origin')), events, {
      order: 'shuffled',
      allowedLateness: 15 * 60_000,
    });
    expect(findings.map((f) => f.group['sourceIp'])).toEqual(['185.220.101.34']);
  });
});

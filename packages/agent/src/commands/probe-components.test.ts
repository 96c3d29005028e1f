import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callbackSink, silentLogger, type ProbeResult, type SinkFactory } from '@jackwatch/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDefaultRegistry } from '../default-registry.ts';
import { loadAgentConfig } from '../load-agent-config.ts';
import { probeComponents } from './probe-components.ts';

// Plugin sinks whose probes misbehave in every way a probe can: the command must still end with one line per check.
function pluginSink(type: string, probe: () => Promise<unknown>): SinkFactory<Record<string, never>> {
  return {
    kind: 'sink',
    type,
    stability: 'development',
    description: 'a probe under test',
    configSchema: z.strictObject({}),
    create: () => callbackSink(() => {}),
    probe: probe as () => Promise<readonly ProbeResult[]>,
  };
}

describe('probeComponents', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-probe-components-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("turns a probe that throws, hangs, returns junk or floods into bounded failed checks, beside the first-party ones", async () => {
    const registry = createDefaultRegistry();
    const many = Array.from({ length: 150 }, (_, i) => ({ check: `item ${i}`, ok: i !== 120, message: 'x'.repeat(5000) }));
    registry.register(pluginSink('acme-throws', () => Promise.reject(new Error('boom'))), 'acme');
    registry.register(pluginSink('acme-hangs', () => new Promise(() => {})), 'acme');
    registry.register(pluginSink('acme-junk', () => Promise.resolve([null, { check: 7, ok: 'yes' }])), 'acme');
    registry.register(pluginSink('acme-floods', () => Promise.resolve(many)), 'acme');
    const sinks = ['acme-throws', 'acme-hangs', 'acme-junk', 'acme-floods'];
    const file = join(dir, 'jackwatch.yaml');
    await writeFile(file, `sources: { file: { paths: [./logs] } }\ndetectors: { aws-bedrock-logging-deletion: {} }\nsinks: { ${sinks.map((s) => `${s}: {}`).join(', ')} }\npipelines: { default: { sources: [file], detectors: [aws-bedrock-logging-deletion], sinks: [${sinks.join(', ')}] } }\n`);
    const agent = await loadAgentConfig(file, registry);

    const results = await probeComponents(agent.config, { timeoutMs: 10, logger: silentLogger });
    const of = (component: string) => results.filter((r) => r.component === component);
    expect(of('file')).toEqual([{ component: 'file', check: 'path ./logs', ok: false, message: expect.stringContaining('does not exist') }]);
    expect(of('acme-throws')).toEqual([{ component: 'acme-throws', check: 'probe', ok: false, message: 'the probe itself failed: boom' }]);
    expect(of('acme-hangs')).toEqual([{ component: 'acme-hangs', check: 'probe', ok: false, message: expect.stringMatching(/^did not finish within \d+ ms$/) }]);
    expect(of('acme-junk').map((r) => r.ok)).toEqual([false, false]);
    const flood = of('acme-floods');
    expect(flood).toHaveLength(101);
    expect(Math.max(...flood.map((r) => r.message.length))).toBeLessThanOrEqual(1001);
    // The failed check among those not shown still counts.
    expect(flood.at(-1)).toEqual({ component: 'acme-floods', check: 'probe', ok: false, message: '50 more check(s) not shown, 1 of them failed' });
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { callbackSink, type RedeliveryReport, type SinkFactory } from '@jackwatch/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createDefaultRegistry } from '../default-registry.ts';
import { redeliverCommand } from './redeliver-command.ts';

// A plugin's sink that keeps a dead-letter file of its own: redeliver is a capability of its factory,
// so the command needs no knowledge of the type.
function pluginSink(calls: { config: unknown; id: string }[]): SinkFactory<{ queue: string }> {
  return {
    kind: 'sink',
    type: 'acme-queue',
    stability: 'development',
    description: 'a queue with a dead-letter file',
    configSchema: z.strictObject({ queue: z.string().default('findings') }),
    create: () => callbackSink(() => {}),
    redeliver: async (config, context): Promise<RedeliveryReport> => {
      calls.push({ config, id: context.id });
      return { file: join(context.baseDir, 'acme.jsonl'), read: 3, delivered: 2, deadLettered: 1, lost: 0, retried: 0, malformed: 0, skipped: 0, resumed: false };
    },
  };
}

describe('jackwatch redeliver', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-redeliver-'));
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('redelivers every sink whose factory offers it, a plugin sink included, and reports what failed again', async () => {
    const calls: { config: unknown; id: string }[] = [];
    const registry = createDefaultRegistry();
    registry.register(pluginSink(calls), 'acme');
    const file = join(dir, 'jackwatch.yaml');
    await writeFile(file, `sources: { file: { paths: [./logs] } }\ndetectors: { aws-bedrock-logging-deletion: {} }\nsinks: { acme-queue/ops: { queue: q1 }, stdout: {} }\npipelines: { default: { sources: [file], detectors: [aws-bedrock-logging-deletion], sinks: [acme-queue/ops, stdout] } }\n`);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await redeliverCommand(file, [], registry)).toBe(1);
    expect(calls).toEqual([{ config: { queue: 'q1' }, id: 'acme-queue/ops' }]);
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).toContain('acme-queue/ops: read 3, delivered 2, dead-lettered again 1');
    // stdout keeps no dead-letter file: naming it is a usage error.
    expect(await redeliverCommand(file, ['stdout'], registry)).toBe(2);
  });
});

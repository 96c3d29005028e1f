import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSinkFactory } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { builtInSinks } from './index.ts';

// No network is touched: a sink's start must not need its endpoint to be up
// (deliveries retry and dead-letter; they never block start).
const configs: Record<string, unknown> = {
  stdout: {},
  webhook: { url: 'http://127.0.0.1:9/hook' },
  otlp: { endpoint: 'http://127.0.0.1:9' },
};

describe('sink conformance', () => {
  it.each(builtInSinks.map((f) => [f.type, f] as const))('%s passes the lifecycle conformance kit', async (type, factory) => {
    const baseDir = await mkdtemp(join(tmpdir(), 'jw-sink-conformance-'));
    expect(await checkSinkFactory(factory, { config: configs[type], baseDir })).toEqual([]);
  });
});

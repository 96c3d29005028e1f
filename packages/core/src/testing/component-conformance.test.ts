import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import type { SinkFactory } from '../component/factory.ts';
import type { Sink } from '../component/sink.ts';
import { checkSinkFactory } from './component-conformance.ts';

function sinkFactory(overrides: Partial<Sink> = {}, schema: z.ZodType = z.strictObject({})): SinkFactory {
  return {
    kind: 'sink', type: 'test-sink', stability: 'alpha', description: 'a sink for the kit',
    configSchema: schema,
    create: () => {
      let down = false;
      return {
        start: async () => {},
        export: async () => {
          if (down) throw new Error('shut down');
        },
        forceFlush: async () => {},
        shutdown: async () => {
          if (down) throw new Error('already shut down');
          down = true;
        },
        stats: () => ({ accepted: 0, delivered: 0, retried: 0, deadLettered: 0, queued: 0 }),
        ...overrides,
      };
    },
  };
}

describe('lifecycle conformance kit', () => {
  it('names a shutdown that is not idempotent', async () => {
    expect(await checkSinkFactory(sinkFactory())).toEqual([expect.stringContaining('create → shutdown → shutdown without start failed: already shut down')]);
  });

  it('names a schema that accepts unknown keys and a start that fails', async () => {
    const problems = await checkSinkFactory(
      sinkFactory({ shutdown: async () => {}, start: async () => Promise.reject(new Error('port in use')) }, z.object({})),
    );
    expect(problems).toEqual(['configSchema accepts an unknown key; make it strict', expect.stringContaining('port in use')]);
  });

  it('passes a conformant sink', async () => {
    let down = false;
    const shutdown = async (): Promise<void> => {
      down = true;
    };
    const refusing = async (): Promise<void> => {
      if (down) throw new Error('shut down');
    };
    expect(await checkSinkFactory(sinkFactory({ shutdown, export: refusing }))).toEqual([]);
  });

  it('names a sink that takes findings after its shutdown', async () => {
    expect(await checkSinkFactory(sinkFactory({ shutdown: async () => {} }))).toEqual(['export after shutdown resolved: a shut-down sink must reject findings with an error']);
  });
});

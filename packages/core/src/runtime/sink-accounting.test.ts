import { describe, expect, it } from 'vitest';
import type { Sink } from '../component/sink.ts';
import { callbackSink } from '../embed/callback-sink.ts';
import { createPipeline } from '../embed/create-pipeline.ts';
import { eventSource } from '../embed/event-source.ts';
import { deletionRule } from '../embed/testdata/embed-rules.ts';
import type { ErrorReporter } from '../services/error-reporter.ts';
import { CounterSet } from '../services/telemetry.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { createComponentContext } from './create-component-context.ts';
import { pipelineProblems } from './pipeline-problems.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const deletions = (count: number) => new EventFactory('accounting').events(count, (i) => ({ time: T0 + i * 60_000, action: 'DeleteModelInvocationLoggingConfiguration' }));

/** A third-party sink without stats whose export rejects every other batch. */
function flakySink(): Sink {
  let calls = 0;
  return {
    start: async () => undefined,
    export: async () => {
      calls += 1;
      if (calls % 2 === 0) throw new Error('SIEM refused the batch');
    },
    forceFlush: async () => undefined,
    shutdown: async () => undefined,
  };
}

describe('a pipeline accounts for every sink', () => {
  it('counts the findings of a rejected export as lost for a sink without stats, and reports the error', async () => {
    const reported: string[] = [];
    const errors: ErrorReporter = { reject: () => undefined, error: (id) => void reported.push(id) };
    const pipeline = createPipeline(
      { sources: [eventSource(deletions(4), { batchSize: 1 })], detectors: [deletionRule()], sinks: [{ id: 'acme', component: flakySink() }, callbackSink(() => undefined)] },
      { errors, telemetry: new CounterSet() },
    );
    await pipeline.run();
    await pipeline.shutdown();
    const result = pipeline.result();
    expect(result.sinks['acme']).toEqual({ accepted: 4, delivered: 2, retried: 0, deadLettered: 0, queued: 0, lost: 2, countedBy: 'runtime' });
    expect(result.sinks['sink/2']).toMatchObject({ accepted: 4, delivered: 4, lost: 0 });
    expect(result.errors).toEqual({ acme: 2 });
    expect(reported).toEqual(['acme', 'acme']);
    expect(pipelineProblems(result)).toEqual(['sink acme lost 2 finding(s)', 'acme reported 2 error(s)']);
  });

  it('has no problems when everything was delivered', async () => {
    const pipeline = createPipeline({ sources: [eventSource(deletions(3))], detectors: [deletionRule()], sinks: [callbackSink(() => undefined)] });
    const result = await pipeline.run();
    await pipeline.shutdown();
    expect(result.errors).toEqual({});
    expect(pipelineProblems(pipeline.result())).toEqual([]);
  });

  it('counts the error-level reports components make through their context, per component', async () => {
    const telemetry = new CounterSet();
    const context = createComponentContext('audit', { telemetry });
    const auditing: Sink = {
      start: async () => undefined,
      export: async (findings) => context.errors.error(context.id, new Error(`could not archive ${findings.length} finding(s)`)),
      forceFlush: async () => undefined,
      shutdown: async () => context.errors.error(context.id, new Error('archive not closed cleanly')),
    };
    const pipeline = createPipeline({ sources: [eventSource(deletions(2))], detectors: [deletionRule()], sinks: [{ id: 'audit', component: auditing }] }, { telemetry });
    expect((await pipeline.run()).errors).toEqual({ audit: 1 });
    await pipeline.shutdown();
    expect(pipeline.result().errors).toEqual({ audit: 2 });
    expect(pipeline.result().sinks['audit']).toMatchObject({ delivered: 2, lost: 0 });
  });
});

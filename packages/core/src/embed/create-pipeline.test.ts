import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../config/config-error.ts';
import type { TrailEvent } from '../event/trail-event.ts';
import type { Finding } from '../finding/finding.ts';
import { findingId } from '../finding/finding-id.ts';
import { PluginError } from '../plugin/plugin-error.ts';
import { cloudTrailRecord } from '../testing/cloudtrail-record.ts';
import { EventFactory } from '../testing/event-factory.ts';
import { callbackSink } from './callback-sink.ts';
import { createPipeline } from './create-pipeline.ts';
import { createPipelinesFromConfig } from './create-pipelines-from-config.ts';
import { eventSource } from './event-source.ts';
import { deletionRule, embedTestPlugin, failuresRule } from './testdata/embed-rules.ts';

const T0 = Date.parse('2026-03-02T09:00:00Z');

function deletions(seed: string, count: number): TrailEvent[] {
  return new EventFactory(seed).events(count, (i) => ({ time: T0 + i * 60_000, action: 'DeleteModelInvocationLoggingConfiguration' }));
}

describe('createPipeline', () => {
  it('runs sources through detectors into sinks, names parts, and disposes with await using', async () => {
    const events = deletions('parts', 3);
    const delivered: Finding[] = [];
    let result;
    {
      await using pipeline = createPipeline({ sources: [eventSource(events, { batchSize: 2 })], detectors: [deletionRule(), failuresRule()], sinks: [callbackSink((f) => void delivered.push(...f))] });
      const streamed: string[] = [];
      pipeline.findings.subscribe((f) => streamed.push(f.id));
      result = await pipeline.run();
      expect(streamed).toEqual(events.map((e) => findingId('test-deletion', e.eventId)));
    }
    expect(delivered.map((f) => f.id)).toEqual(events.map((e) => findingId('test-deletion', e.eventId)));
    expect(result).toMatchObject({ eventsRead: { 'source/1': 3 }, findings: { 'test-deletion': 3, 'test-failures': 0 }, sinks: { 'sink/1': { accepted: 3, delivered: 3 } } });
  });

  it('stops reading a live async source when the run is aborted, even while it waits for the next event', async () => {
    const events = deletions('live', 2);
    let release: () => void = () => undefined;
    async function* live() {
      yield events[0]!;
      yield events[1]!;
      await new Promise<void>((resolve) => (release = resolve)); // a queue with nothing more for now
    }
    const controller = new AbortController();
    const found: string[] = [];
    let bothDelivered: () => void = () => undefined;
    const delivered = new Promise<void>((resolve) => (bothDelivered = resolve));
    const sink = callbackSink((findings) => {
      found.push(...findings.map((f) => f.id));
      if (found.length === 2) bothDelivered();
    });
    const pipeline = createPipeline({ sources: [eventSource(live())], detectors: [deletionRule()], sinks: [sink] }, { allowedLateness: 0 });
    const running = pipeline.run(controller.signal);
    await delivered;
    controller.abort();
    const result = await running;
    release();
    await pipeline.shutdown();
    expect(result.drained).toBe(true);
    expect(found).toEqual(events.map((e) => findingId('test-deletion', e.eventId)));
  });

  it('refuses two parts with one id', () => {
    expect(() => createPipeline({ detectors: [{ id: 'x', component: deletionRule() }, { id: 'x', component: failuresRule() }] })).toThrow('two detectors are named "x"');
  });
});

describe('createPipelinesFromConfig', () => {
  const record = (i: number) => cloudTrailRecord({ time: T0 + i * 1000, action: 'DeleteModelInvocationLoggingConfiguration', seed: `config-${i}` });

  it('builds a config (YAML or object) with the plugins passed in, checkpoints in memory, policies applied', async () => {
    const collected: Finding[] = [];
    const dir = await mkdtemp(join(tmpdir(), 'jackwatch-embed-'));
    const yaml = `plugins: [embed-test]
sources:
  inline: { records: ${JSON.stringify([record(0), record(1)])} }
detectors:
  test-deletion:
    exceptions: [{ when: [{ field: eventID, equals: ${JSON.stringify(record(1).eventID)} }] }]
sinks: { collect: {} }
pipelines:
  default: { sources: [inline], detectors: [test-deletion], sinks: [collect] }
`;
    await using jackwatch = createPipelinesFromConfig(yaml, { plugins: [embedTestPlugin(collected)], baseDir: dir });
    const [result] = await jackwatch.run();
    expect(collected.map((f) => f.id)).toEqual([findingId('test-deletion', record(0).eventID!)]);
    expect(result!.findings).toEqual({ 'test-deletion': 1 });
    expect(jackwatch.telemetry.total('jackwatch.detector.findings.excepted')).toBe(1);
    expect(await readdir(dir)).toEqual([]);
    await rm(dir, { recursive: true, force: true });

    const object = { sources: { inline: { records: [record(2)] } }, detectors: { 'test-deletion': {} }, sinks: { collect: {} }, pipelines: { default: { sources: ['inline'], detectors: ['test-deletion'], sinks: ['collect'] } } };
    const fromObject = createPipelinesFromConfig(object, { plugins: [embedTestPlugin(collected)] });
    await fromObject.run();
    await fromObject.shutdown();
    expect(collected).toHaveLength(2);
  });

  it('runs each member of a detector bundle as a detector of its own, the entry\'s policy applied to each', async () => {
    const collected: Finding[] = [];
    const records = [record(0), record(1), record(2)];
    const config = (detectors: string[], also?: string) => ({
      sources: { inline: { records } },
      detectors: { 'test-deletion': {}, 'test-pack': { ...(also ? { also } : {}), suppress: { by: ['userName'], for: '1h' } } },
      sinks: { collect: {} },
      pipelines: { default: { sources: ['inline'], detectors, sinks: ['collect'] } },
    });
    await using jackwatch = createPipelinesFromConfig(config(['test-pack']), { plugins: [embedTestPlugin(collected)] });
    const [result] = await jackwatch.run();
    expect(result!.findings).toEqual({ 'pack-a': 1, 'pack-b': 1 });
    expect(collected.map((f) => f.detector.id).sort()).toEqual(['pack-a', 'pack-b']);
    expect(jackwatch.telemetry.total('jackwatch.detector.findings.suppressed')).toBe(4);
    // A member that another entry of the pipeline also runs would report every finding twice.
    const twice = () => createPipelinesFromConfig(config(['test-deletion', 'test-pack'], 'test-deletion'), { plugins: [embedTestPlugin(collected)] });
    expect(twice).toThrow(ConfigError);
    expect(twice).toThrow('pipelines.default.detectors[1]: detectors test-deletion and test-pack both run "test-deletion", which would report each of its findings twice; list it once');
  });

  it('loads no code by itself: a plugin the config names must be passed in', () => {
    const attempt = () => createPipelinesFromConfig('plugins: ["@acme/x"]\npipelines: {}\n', { plugins: [embedTestPlugin([])] });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow('<config>:1:11: plugins[0]: plugin "@acme/x" is named here but was not passed in options.plugins');
  });

  it('reads the environment only when given one, and reports every config problem at once', () => {
    const yaml = 'sources: { inline: { records: [] } }\nsinks: { collect: {} }\ndetectors: { test-deletion: {} }\npipelines:\n  default: { sources: [inline], detectors: [test-deletion], sinks: ["${env:SINK}"] }\n';
    expect(() => createPipelinesFromConfig(yaml, { plugins: [embedTestPlugin([])], file: 'tenant.yaml' })).toThrow(/tenant\.yaml:5:\d+: .*SINK/);
    expect(() => createPipelinesFromConfig(yaml, { plugins: [embedTestPlugin([])], env: { SINK: 'collect' } })).not.toThrow();
    expect(() => createPipelinesFromConfig({ pipelines: { default: { sources: ['nope'] } } }, {})).toThrow(ConfigError);
    expect(() => createPipelinesFromConfig(yaml, { plugins: [{ ...embedTestPlugin([]), apiVersion: 7 }] })).toThrow(PluginError);
  });

  it('creates a source or sink that several pipelines list once: read once, every batch to each pipeline', async () => {
    const collected: Finding[] = [];
    const plugin = embedTestPlugin(collected);
    const inline = plugin.components.find((c) => c.type === 'inline')!;
    let created = 0;
    const counted = { ...plugin, components: plugin.components.map((c) => (c !== inline ? c : { ...c, create: (config: never, context: never) => (created++, inline.create(config, context)) })) };
    const yaml = `plugins: [embed-test]
sources: { inline: { records: ${JSON.stringify([record(10), record(11), record(12)])} } }
detectors: { test-deletion: {} }
sinks: { collect: {} }
pipelines:
  first: { sources: [inline], detectors: [test-deletion], sinks: [collect] }
  second: { sources: [inline], detectors: [test-deletion], sinks: [collect] }
`;
    await using jackwatch = createPipelinesFromConfig(yaml, { plugins: [counted as unknown as typeof plugin] });
    const results = await jackwatch.run();
    expect(created).toBe(1);
    expect(results.map((r) => r.eventsRead)).toEqual([{ inline: 3 }, { inline: 3 }]);
    expect(results.map((r) => r.findings)).toEqual([{ 'test-deletion': 3 }, { 'test-deletion': 3 }]);
    // One sink instance: both pipelines' findings (same ids, deduplicated downstream) went to it.
    expect(collected).toHaveLength(6);
    expect(results[1]!.sinks.collect).toMatchObject({ accepted: 6, delivered: 6 });
  });
});

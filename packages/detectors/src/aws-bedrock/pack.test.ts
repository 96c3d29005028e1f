import { callbackSink, createPipelinesFromConfig, decodeRecords, definePlugin, eventSource, findingId, isDetectorBundle, type DetectorBundle, type Finding, type SinkFactory, type SourceFactory, type TrailEvent } from '@jackwatch/core';
import { EventFactory, iamUser, runDetector, testContext } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bedrockComponents, bedrockDetectors } from '../index.ts';
import { bedrockPackConfigSchema } from './config.ts';
import { bedrockPackFactory } from './factory.ts';

const T0 = Date.parse('2024-10-17T20:00:00Z');
const SEC = 1000;
const MIN = 60 * SEC;
const RULE_IDS = bedrockDetectors.map((f) => f.type);
const KILL_CHAIN = 'aws-bedrock-llmjacking-kill-chain';
const leaked = iamUser({ userName: 'svc-reporting' });

const pack = (options: unknown = {}, id = 'aws-bedrock'): DetectorBundle => {
  const detector = bedrockPackFactory.create(bedrockPackConfigSchema.parse(options), testContext(id));
  if (!isDetectorBundle(detector)) throw new Error('the pack is not a bundle');
  return detector;
};

/** The whole playbook by one leaked long-term key, in four minutes. */
function playbook(seed = 'pack-playbook'): TrailEvent[] {
  const ev = new EventFactory(seed, { identity: leaked });
  return [
    ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration' }),
    ev.event({ time: T0 + 3 * SEC, action: 'ListFoundationModels' }),
    ev.event({ time: T0 + MIN, action: 'GetFoundationModelAvailability', modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' }),
    ev.event({ time: T0 + MIN + 5 * SEC, action: 'PutFoundationModelEntitlement', modelId: 'anthropic.claude-3-sonnet-20240229-v1:0' }),
    ev.event({ time: T0 + 4 * MIN, action: 'InvokeModel' }),
  ];
}

describe('aws-bedrock pack', () => {
  it('runs all twelve rules by default, each a member named by its rule id', () => {
    expect(pack().members.map((m) => m.id)).toEqual(RULE_IDS);
    expect(RULE_IDS).toHaveLength(12);
    expect(pack({}, 'aws-bedrock/prod').members.map((m) => m.id)).toEqual(RULE_IDS.map((id) => `${id}/prod`));
  });

  it('takes each rule\'s options under rules:, validated by the rule\'s own schema, or false to turn it off', () => {
    const config = bedrockPackConfigSchema.parse({ rules: { 'aws-bedrock-invocation-burst': { threshold: 1000 }, 'aws-bedrock-logging-deletion-non-admin': false, 'aws-bedrock-guardrail-tampering': true, 'aws-bedrock-logging-reconfigured': null } });
    expect(config.rules['aws-bedrock-invocation-burst']).toEqual({ window: 3_600_000, threshold: 1000 });
    expect(config.rules['aws-bedrock-logging-deletion-non-admin']).toBe(false);
    expect(config.rules['aws-bedrock-guardrail-tampering']).toEqual({});
    expect(config.rules['aws-bedrock-list-models-failures']).toEqual({ window: 3_600_000, threshold: 9, errorCodes: ['AccessDenied', 'AccessDeniedException'] });
    const created = bedrockPackFactory.create(config, testContext('aws-bedrock')) as DetectorBundle;
    expect(created.members.map((m) => m.id)).toEqual(RULE_IDS.filter((id) => id !== 'aws-bedrock-logging-deletion-non-admin'));
    for (const bad of [{ rules: { 'aws-bedrock-invocation-burst': { threshold: -1 } } }, { rules: { 'aws-bedrock-invocation-burst': { limit: 1 } } }, { rules: { 'aws-bedrock-invocaton-burst': {} } }, { rules: { 'aws-bedrock-multi-region-invocation': 'yes' } }, { rule: {} }]) {
      expect(bedrockPackConfigSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(bedrockPackConfigSchema.safeParse({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, false])) }).error?.issues[0]).toMatchObject({ path: ['rules'], message: 'turns every rule off; remove the entry instead' });
  });

  it('gives the ids each rule gives on its own, and links the kill chain to findings the pack emits', () => {
    const events = playbook();
    const [check, list, availability, entitlement, invoke] = events;
    const sorted = runDetector(pack(), events).findings;
    const alone = bedrockDetectors.flatMap((f) => runDetector(f.create(f.configSchema.parse({}), testContext(f.type)), events).ids);
    expect(sorted.map((f) => f.id).sort()).toEqual([...alone].sort());
    expect(sorted.map((f) => f.id).sort()).toEqual(
      [
        findingId('aws-bedrock-logging-check-then-invoke', check!.eventId),
        findingId('aws-bedrock-enum-then-invoke-long-term-key', list!.eventId),
        findingId('aws-bedrock-model-access-long-term-key', availability!.eventId),
        findingId('aws-bedrock-model-access-long-term-key', entitlement!.eventId),
        findingId(KILL_CHAIN, entitlement!.eventId),
      ].sort(),
    );
    // In time order the chain fires on the enablement, its third stage: its evidence (the check, the
    // first listing, the enablement) holds no invocation yet, so only the model-access finding is proven.
    const chain = sorted.find((f) => f.detector.id === KILL_CHAIN)!;
    expect(chain.details?.['subsumedFindingIds']).toEqual([findingId('aws-bedrock-model-access-long-term-key', entitlement!.eventId)]);
    expect(invoke!.time).toBeGreaterThan(entitlement!.time);
    // Shuffled, the chain may fire on another call and prove more; whatever it lists, the pack emitted.
    for (const seed of [1, 2, 3, 4, 5]) {
      const shuffled = runDetector(pack(), events, { order: 'shuffled', seed, allowedLateness: 10 * MIN }).findings;
      expect(shuffled.map((f) => f.detector.id).sort()).toEqual(sorted.map((f) => f.detector.id).sort());
      const ids = new Set(shuffled.map((f) => f.id));
      for (const id of shuffled.find((f) => f.detector.id === KILL_CHAIN)!.details?.['subsumedFindingIds'] as string[]) expect(ids).toContain(id);
    }
  });

  it('links only the rules that are on, with the spans they are configured with, under the entry\'s name', () => {
    const ev = new EventFactory('pack-links', { identity: leaked });
    const events = [
      ev.event({ time: T0, action: 'GetModelInvocationLoggingConfiguration' }),
      ev.event({ time: T0 + SEC, action: 'ListFoundationModels' }),
      ev.event({ time: T0 + 20 * MIN, action: 'Converse' }),
    ];
    const linked = (options: unknown, id = 'aws-bedrock') => runDetector(pack(options, id), events).findings.find((f) => f.detector.id.startsWith(KILL_CHAIN))?.details?.['subsumes'];
    expect(linked({})).toEqual([{ detector: 'aws-bedrock-logging-check-then-invoke', id: findingId('aws-bedrock-logging-check-then-invoke', events[0]!.eventId), anchorEventId: events[0]!.eventId }]);
    const wider = { rules: { 'aws-bedrock-enum-then-invoke-long-term-key': { maxSpan: '30m' }, 'aws-bedrock-logging-check-then-invoke': false } };
    expect(linked(wider, 'aws-bedrock/prod')).toEqual([
      { detector: 'aws-bedrock-enum-then-invoke-long-term-key/prod', id: findingId('aws-bedrock-enum-then-invoke-long-term-key/prod', events[1]!.eventId), anchorEventId: events[1]!.eventId },
    ]);
  });

  it('in a pipeline, applies the entry\'s suppression and exceptions to each member separately', async () => {
    const collected: Finding[] = [];
    const records = playbook('pack-pipeline').map((e) => e.raw);
    const inline: SourceFactory<Record<string, never>> = {
      kind: 'source',
      type: 'inline',
      stability: 'development',
      description: 'the playbook',
      configSchema: z.strictObject({}),
      create: (_config, context) => eventSource([decodeRecords(records, { source: context.id, location: 'inline' }).events]),
    };
    const collect: SinkFactory<Record<string, never>> = {
      kind: 'sink',
      type: 'collect',
      stability: 'development',
      description: 'findings to the test',
      configSchema: z.strictObject({}),
      create: () => callbackSink((findings) => void collected.push(...findings)),
    };
    const plugin = definePlugin({ name: 'pack-test', version: '1.0.0', apiVersion: 1, components: [...bedrockComponents, inline, collect] });
    const config = {
      detectors: { 'aws-bedrock/prod': { suppress: { by: ['accessKeyId'], for: '1h' }, exceptions: [{ when: [{ field: 'eventName', equals: 'GetModelInvocationLoggingConfiguration' }] }] } },
      sources: { inline: {} },
      sinks: { collect: {} },
      pipelines: { default: { sources: ['inline'], detectors: ['aws-bedrock/prod'], sinks: ['collect'] } },
    };
    await using jackwatch = createPipelinesFromConfig(config, { plugins: [plugin] });
    const [result] = await jackwatch.run();
    // Every finding is about the same key. Suppression is per member: the model-access rule's second
    // finding is suppressed, the enum-then-invoke finding is not. The exception drops every finding
    // whose evidence holds the logging check: the logging-check finding and the kill chain.
    expect(collected.map((f) => f.detector.id).sort()).toEqual(['aws-bedrock-enum-then-invoke-long-term-key/prod', 'aws-bedrock-model-access-long-term-key/prod']);
    expect(jackwatch.telemetry.total('jackwatch.detector.findings.suppressed')).toBe(1);
    expect(jackwatch.telemetry.total('jackwatch.detector.findings.excepted')).toBe(2);
    expect(Object.keys(result!.findings)).toHaveLength(12);
  });

  it('reports a bad rule option with its path in the config', () => {
    const attempt = () =>
      createPipelinesFromConfig('detectors:\n  aws-bedrock:\n    rules:\n      aws-bedrock-invocation-burst: { threshold: -1 }\npipelines: {}\n', { plugins: [definePlugin({ name: 'p', version: '1.0.0', apiVersion: 1, components: [...bedrockComponents] })] });
    expect(attempt).toThrow(/detectors\.aws-bedrock\.rules\.aws-bedrock-invocation-burst\.threshold/);
  });
});

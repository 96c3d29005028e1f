import { z } from 'zod';
import type { Detector, DetectorMeta } from '../../component/detector.ts';
import type { DetectorFactory, SinkFactory, SourceFactory } from '../../component/factory.ts';
import type { Finding } from '../../finding/finding.ts';
import { orUnknown } from '../../detection/build-finding.ts';
import { match } from '../../detection/match.ts';
import { threshold } from '../../detection/threshold.ts';
import { decodeRecords } from '../../decode/decode-records.ts';
import { definePlugin } from '../../plugin/define-plugin.ts';
import { detectorBundle } from '../../detection/detector-bundle.ts';
import { callbackSink } from '../callback-sink.ts';
import { eventSource } from '../event-source.ts';

const meta = (id: string): DetectorMeta => ({
  id,
  title: id,
  version: '1.0.0',
  description: id,
  severity: 'low',
  riskScore: 10,
  attack: { tactics: [], techniques: [{ id: 'T1580', name: 'Cloud Infrastructure Discovery' }] },
  references: [],
  tags: [],
  falsePositives: ['tests'],
  investigation: 'none',
});

/** One finding per DeleteModelInvocationLoggingConfiguration (rule B's shape). */
export function deletionRule(id = 'test-deletion'): Detector {
  return match({
    meta: meta('test-deletion'),
    id,
    select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['DeleteModelInvocationLoggingConfiguration'] },
    finding: (e) => ({ group: { userName: orUnknown(e.userName) }, summary: `${e.userName} deleted logging` }),
  });
}

/** More than 2 refused ListFoundationModels by one user in 10 minutes (rule C's shape). */
export function failuresRule(): Detector {
  return threshold({
    meta: meta('test-failures'),
    select: { eventSource: 'bedrock.amazonaws.com', eventNames: ['ListFoundationModels'] },
    where: (e) => e.outcome === 'failure',
    groupBy: { user: (e) => e.userName },
    window: 10 * 60_000,
    threshold: 2,
    finding: (f) => ({ summary: `${f.group.user} failed ${f.count} times` }),
  });
}

/**
 * A plugin for config-built pipelines in tests: an `inline` source (records
 * from config), the two rules above as detectors, and a `collect` sink that
 * hands findings to `collected`.
 */
export function embedTestPlugin(collected: Finding[]) {
  const inline: SourceFactory<{ records: unknown[] }> = {
    kind: 'source',
    type: 'inline',
    stability: 'development',
    description: 'records from config',
    configSchema: z.strictObject({ records: z.array(z.unknown()).default([]) }),
    create: (config, context) => eventSource([decodeRecords(config.records, { source: context.id, location: 'inline' }).events]),
  };
  const deletion: DetectorFactory<Record<string, never>> = {
    kind: 'detector',
    type: 'test-deletion',
    stability: 'development',
    description: 'deletions',
    configSchema: z.strictObject({}),
    create: (_config, context) => deletionRule(context.id),
  };
  // Two rules from one config entry, as a rule pack or a Sigma directory makes them.
  const pack: DetectorFactory<{ also?: string }> = {
    kind: 'detector',
    type: 'test-pack',
    stability: 'development',
    description: 'deletions, twice',
    configSchema: z.strictObject({ also: z.string().optional() }),
    create: (config) =>
      detectorBundle(meta('test-pack'), ['pack-a', config.also ?? 'pack-b'].map((id) => ({ id, detector: deletionRule(id) }))),
  };
  const collect: SinkFactory<Record<string, never>> = {
    kind: 'sink',
    type: 'collect',
    stability: 'development',
    description: 'into an array',
    configSchema: z.strictObject({}),
    create: () => callbackSink((findings) => void collected.push(...findings)),
  };
  return definePlugin({ name: 'embed-test', version: '1.0.0', apiVersion: 1, components: [inline, deletion, pack, collect] });
}

import { distinctCount, orUnknown, type Detector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls, describeDuration, hasAccessKey, INVOCATION_ACTIONS, modelIdOf } from '../internal/bedrock.ts';
import { distinctValues, stepFacts } from '../internal/caller.ts';
import type { MultiRegionConfig } from './config.ts';
import { multiRegionMeta } from './meta.ts';

/**
 * Distinct `awsRegion` of successful invocations per
 * `userIdentity.accessKeyId`: fires when a sliding `window` holds
 * `minRegions` of them; the key then re-arms after `window`.
 */
export function multiRegionRule(config: MultiRegionConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return distinctCount({
    meta: multiRegionMeta,
    ...options,
    select: bedrockCalls(...INVOCATION_ACTIONS),
    where: (e) => e.outcome === 'success' && hasAccessKey(e),
    groupBy: { accessKeyId: (e) => e.accessKeyId },
    distinct: (e) => (e.region === '' ? undefined : e.region),
    atLeast: config.minRegions,
    window: config.window,
    finding: ({ group, values, events, anchor }) => {
      const user = orUnknown(anchor.userName);
      return {
        group: { accessKeyId: group.accessKeyId!, userName: user, account: orUnknown(anchor.account) },
        summary:
          `Key ${group.accessKeyId} (${user}) ran Bedrock models in ${values.length} regions within ` +
          `${describeDuration(anchor.time - events[0]!.time)}: ${values.join(', ')}`,
        details: {
          regions: values,
          modelIds: distinctValues(events, modelIdOf).values,
          sourceIps: distinctValues(events, (e) => e.sourceIp).values,
          minRegions: config.minRegions,
          windowSeconds: config.window / 1000,
          invocations: events.map((e) => ({ ...stepFacts(e), modelId: modelIdOf(e) ?? null })),
        },
      };
    },
  });
}

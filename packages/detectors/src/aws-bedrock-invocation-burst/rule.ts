import { orUnknown, threshold, type Detector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls, describeDuration, INVOCATION_ACTIONS, modelIdOf } from '../internal/bedrock.ts';
import { distinctValues } from '../internal/caller.ts';
import type { InvocationBurstConfig } from './config.ts';
import { invocationBurstMeta } from './meta.ts';

/**
 * Successful invocations counted per principal ARN and model: fires when a
 * sliding `window` holds more than `threshold` of them; the group then
 * re-arms after `window`. Invocations without an ARN or a model id count
 * toward no group.
 */
export function invocationBurstRule(config: InvocationBurstConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return threshold({
    meta: invocationBurstMeta,
    ...options,
    select: bedrockCalls(...INVOCATION_ACTIONS),
    where: (e) => e.outcome === 'success' && e.principalArn !== undefined && e.principalArn !== '' && modelIdOf(e) !== undefined,
    groupBy: { principalArn: (e) => e.principalArn, modelId: modelIdOf },
    window: config.window,
    threshold: config.threshold,
    finding: ({ group, events, anchor, count }) => {
      const span = describeDuration(anchor.time - events[0]!.time);
      const ips = distinctValues(events, (e) => e.sourceIp);
      return {
        group: { principalArn: group.principalArn!, modelId: group.modelId!, userName: orUnknown(anchor.userName), account: orUnknown(anchor.account) },
        summary: `${group.principalArn} ran ${group.modelId} ${count} times within ${span} (more than ${config.threshold} in ${describeDuration(config.window)})`,
        details: {
          count,
          threshold: config.threshold,
          windowSeconds: config.window / 1000,
          firstTime: new Date(events[0]!.time).toISOString(),
          lastTime: new Date(anchor.time).toISOString(),
          actions: distinctValues(events, (e) => e.action).values,
          regions: distinctValues(events, (e) => e.region).values,
          accessKeyIds: distinctValues(events, (e) => e.accessKeyId).values,
          sourceIps: ips.values,
          distinctSourceIps: ips.total,
          userAgents: distinctValues(events, (e) => e.userAgent, 5).values,
        },
      };
    },
  });
}

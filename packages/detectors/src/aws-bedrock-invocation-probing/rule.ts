import { distinctCount, orUnknown, type Detector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls, describeDuration, hasAccessKey, INVOCATION_ACTIONS, modelIdOf } from '../internal/bedrock.ts';
import { errorCodeIn } from '../internal/error-codes.ts';
import { stepFacts } from '../internal/caller.ts';
import type { InvocationProbingConfig } from './config.ts';
import { invocationProbingMeta } from './meta.ts';

/**
 * Distinct `requestParameters.modelId` of invocations refused with one of
 * `errorCodes`, per `userIdentity.accessKeyId`: fires when a sliding
 * `window` holds `minModels` of them; the key then re-arms after `window`.
 */
export function invocationProbingRule(config: InvocationProbingConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  const counted = errorCodeIn(config.errorCodes);
  return distinctCount({
    meta: invocationProbingMeta,
    ...options,
    select: bedrockCalls(...INVOCATION_ACTIONS),
    where: (e) => counted(e.errorCode) && hasAccessKey(e),
    groupBy: { accessKeyId: (e) => e.accessKeyId },
    distinct: modelIdOf,
    atLeast: config.minModels,
    window: config.window,
    finding: ({ group, values, events, anchor }) => {
      const user = orUnknown(anchor.userName);
      return {
        group: { accessKeyId: group.accessKeyId!, userName: user, account: orUnknown(anchor.account) },
        summary:
          `Key ${group.accessKeyId} (${user}) had invocations of ${values.length} different Bedrock models refused with ` +
          `${[...new Set(events.map((e) => e.errorCode))].join('/')} within ${describeDuration(anchor.time - events[0]!.time)} from ${orUnknown(anchor.sourceIp)}: ${values.join(', ')}`,
        details: {
          modelIds: values,
          errorCodes: [...new Set(events.map((e) => e.errorCode!))].sort(),
          minModels: config.minModels,
          windowSeconds: config.window / 1000,
          probes: events.map((e) => ({ ...stepFacts(e), modelId: modelIdOf(e) ?? null, errorCode: e.errorCode ?? null })),
        },
      };
    },
  });
}

import { orUnknown, sequence, type Detector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls, describeDuration, hasAccessKey, INVOCATION_ACTIONS, LOGGING_CHECK_ACTION, modelIdOf } from '../internal/bedrock.ts';
import { stepFacts } from '../internal/caller.ts';
import type { LoggingCheckConfig } from './config.ts';
import { loggingCheckMeta } from './meta.ts';

/**
 * A sequence by `userIdentity.accessKeyId`: a successful
 * GetModelInvocationLoggingConfiguration, then a successful invocation
 * within `maxSpan` (the same second counts). One finding per followed check,
 * anchored on its `eventID`.
 */
export function loggingCheckRule(config: LoggingCheckConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return sequence({
    meta: loggingCheckMeta,
    ...options,
    by: (e) => e.accessKeyId,
    maxSpan: config.maxSpan,
    steps: [
      { name: 'logging check', select: bedrockCalls(LOGGING_CHECK_ACTION), where: (e) => e.outcome === 'success' && hasAccessKey(e) },
      { name: 'invocation', select: bedrockCalls(...INVOCATION_ACTIONS), where: (e) => e.outcome === 'success' && hasAccessKey(e) },
    ],
    finding: ({ key, events }) => {
      const check = events[0]!;
      const invocation = events[1]!;
      const modelId = modelIdOf(invocation);
      const user = orUnknown(check.userName);
      return {
        group: { accessKeyId: key, userName: user, account: orUnknown(check.account) },
        summary:
          `Key ${key} (${user}) read the Bedrock invocation logging configuration, then called ${invocation.action}` +
          `${modelId === undefined ? '' : ` on ${modelId}`} ${describeDuration(invocation.time - check.time)} later from ${orUnknown(invocation.sourceIp)}`,
        details: {
          modelIds: modelId === undefined ? [] : [modelId],
          secondsBetween: (invocation.time - check.time) / 1000,
          check: stepFacts(check),
          invocation: { ...stepFacts(invocation), modelId: modelId ?? null },
        },
      };
    },
  });
}

import { orUnknown, sequence, type Detector, type Telemetry, type TrailEvent } from '@jackwatch/core';
import { bedrockCalls, describeDuration, INVOCATION_ACTIONS, isLongTermKey, modelIdOf } from '../internal/bedrock.ts';
import type { EnumThenInvokeConfig } from './config.ts';
import { enumThenInvokeMeta } from './meta.ts';

/**
 * Rule A as a sequence: by `userIdentity.accessKeyId`, a successful
 * ListFoundationModels with an `AKIA` key, then a successful invocation
 * within `maxSpan` (the same second counts). One finding per enumeration
 * followed, anchored on its `eventID`.
 */
export function enumThenInvokeRule(config: EnumThenInvokeConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return sequence({
    meta: enumThenInvokeMeta,
    ...options,
    by: (e) => e.accessKeyId,
    maxSpan: config.maxSpan,
    steps: [
      { name: 'enumeration', select: bedrockCalls('ListFoundationModels'), where: (e) => e.outcome === 'success' && isLongTermKey(e.accessKeyId) },
      // Joined on the key, an invocation can only follow an AKIA enumeration; testing the
      // prefix here as well keeps temporary-key (role) traffic out of the state.
      { name: 'invocation', select: bedrockCalls(...INVOCATION_ACTIONS), where: (e) => e.outcome === 'success' && isLongTermKey(e.accessKeyId) },
    ],
    finding: ({ key, events }) => {
      const enumeration = events[0]!;
      const invocation = events[1]!;
      const modelId = modelIdOf(invocation);
      const user = orUnknown(enumeration.userName);
      return {
        group: { accessKeyId: key, userName: user, account: orUnknown(enumeration.account) },
        summary:
          `Long-term key ${key} (${user}) listed Bedrock foundation models, then called ${invocation.action}` +
          `${modelId === undefined ? '' : ` on ${modelId}`} ${describeDuration(invocation.time - enumeration.time)} later` +
          ` from ${orUnknown(invocation.sourceIp)}`,
        details: {
          modelIds: modelId === undefined ? [] : [modelId],
          secondsBetween: (invocation.time - enumeration.time) / 1000,
          enumeration: stepFacts(enumeration),
          invocation: { ...stepFacts(invocation), action: invocation.action, modelId: modelId ?? null },
        },
      };
    },
  });
}

function stepFacts(event: TrailEvent): Record<string, string | null> {
  return {
    time: new Date(event.time).toISOString(),
    eventId: event.eventId,
    sourceIp: event.sourceIp ?? null,
    userAgent: event.userAgent ?? null,
    principalArn: event.principalArn ?? null,
    region: event.region ?? null,
  };
}

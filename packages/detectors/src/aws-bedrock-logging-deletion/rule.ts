import { match, orUnknown, type Detector, type EventSelector, type FindingContent, type Telemetry, type TrailEvent } from '@jackwatch/core';
import { bedrockCalls } from '../internal/bedrock.ts';
import type { LoggingDeletionConfig } from './config.ts';
import { loggingDeletionMeta } from './meta.ts';

/** The call both rule B variants look for. */
export const LOGGING_DELETION_ACTION = 'DeleteModelInvocationLoggingConfiguration';

/** What both rule B variants select: a Bedrock invocation-logging deletion, whatever its outcome. */
export const loggingDeletionCall: EventSelector = bedrockCalls(LOGGING_DELETION_ACTION);

/** What a rule B finding says about one deletion attempt. */
export function loggingDeletionContent(event: TrailEvent): FindingContent {
  const user = orUnknown(event.userName);
  const where = `${orUnknown(event.account)} ${orUnknown(event.region)}`;
  const from = orUnknown(event.sourceIp);
  return {
    group: {
      userName: user,
      principalArn: orUnknown(event.principalArn),
      account: orUnknown(event.account),
      region: orUnknown(event.region),
      sourceIp: from,
    },
    summary:
      event.outcome === 'success'
        ? `${user} deleted the Bedrock model invocation logging configuration of ${where} from ${from}`
        : `${user} tried to delete the Bedrock model invocation logging configuration of ${where} from ${from} and was refused (${event.errorCode})`,
    details: {
      outcome: event.outcome,
      errorCode: event.errorCode ?? null,
      errorMessage: event.errorMessage ?? null,
      principalType: event.principalType ?? null,
      accessKeyId: event.accessKeyId ?? null,
      userAgent: event.userAgent ?? null,
    },
  };
}

/** Rule B (high): one finding per DeleteModelInvocationLoggingConfiguration call, any outcome. */
export function loggingDeletionRule(_config: LoggingDeletionConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return match({ meta: loggingDeletionMeta, ...options, select: loggingDeletionCall, finding: loggingDeletionContent });
}

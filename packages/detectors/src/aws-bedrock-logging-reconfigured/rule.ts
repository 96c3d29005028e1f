import { match, type Detector, type EventSelector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls } from '../internal/bedrock.ts';
import { callerGroup, callFacts, refusal } from '../internal/caller.ts';
import type { LoggingReconfiguredConfig } from './config.ts';
import { loggingReconfiguredMeta } from './meta.ts';

/** What the rule selects: a Bedrock invocation-logging configuration being set, whatever its outcome. */
export const loggingReconfigurationCall: EventSelector = bedrockCalls('PutModelInvocationLoggingConfiguration');

/** One finding per PutModelInvocationLoggingConfiguration call, any outcome, anchored on the call. */
export function loggingReconfiguredRule(_config: LoggingReconfiguredConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return match({
    meta: loggingReconfiguredMeta,
    ...options,
    select: loggingReconfigurationCall,
    finding: (e) => {
      const group = callerGroup(e);
      const verb = e.outcome === 'success' ? 'changed' : 'tried to change';
      const loggingConfig = e.raw.requestParameters?.['loggingConfig'];
      return {
        group,
        summary: `${group.userName} ${verb} the Bedrock model invocation logging configuration of ${group.account} ${group.region} from ${group.sourceIp}${refusal(e)}`,
        details: { ...callFacts(e), loggingConfig: loggingConfig ?? null },
      };
    },
  });
}

import { match, orUnknown, type Detector, type EventSelector, type Telemetry } from '@jackwatch/core';
import { callerGroup, callFacts, refusal } from '../internal/caller.ts';
import { bedrockCalls, isLongTermKey, MODEL_ACCESS_ACTIONS, modelIdOf } from '../internal/bedrock.ts';
import type { ModelAccessConfig } from './config.ts';
import { modelAccessMeta } from './meta.ts';

/** What the model-access rule selects: the model-access calls, whatever their outcome. */
export const modelAccessCalls: EventSelector = bedrockCalls(...MODEL_ACCESS_ACTIONS);

/** One finding per model-access call by a long-term (`AKIA`) key, any outcome, anchored on the call. */
export function modelAccessRule(_config: ModelAccessConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return match({
    meta: modelAccessMeta,
    ...options,
    select: modelAccessCalls,
    where: (e) => isLongTermKey(e.accessKeyId),
    finding: (e) => {
      const group = callerGroup(e);
      const modelId = modelIdOf(e);
      return {
        group: { accessKeyId: orUnknown(e.accessKeyId), ...group },
        summary:
          `Long-term key ${e.accessKeyId} (${group.userName}) called ${e.action}${modelId === undefined ? '' : ` for ${modelId}`}` +
          ` in ${group.account} ${group.region} from ${group.sourceIp}${refusal(e)}`,
        details: { ...callFacts(e), modelId: modelId ?? null },
      };
    },
  });
}

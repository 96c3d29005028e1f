import { match, type Detector, type EventSelector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls } from '../internal/bedrock.ts';
import { callerGroup, callFacts } from '../internal/caller.ts';
import type { GuardrailTamperingConfig } from './config.ts';
import { guardrailTamperingMeta } from './meta.ts';

/** What the rule selects: guardrail deletions and updates. */
export const guardrailChanges: EventSelector = bedrockCalls('DeleteGuardrail', 'UpdateGuardrail');

/** One finding per successful DeleteGuardrail or UpdateGuardrail, anchored on the call. */
export function guardrailTamperingRule(_config: GuardrailTamperingConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return match({
    meta: guardrailTamperingMeta,
    ...options,
    select: guardrailChanges,
    where: (e) => e.outcome === 'success',
    finding: (e) => {
      const group = callerGroup(e);
      const identifier = e.raw.requestParameters?.['guardrailIdentifier'];
      const guardrail = typeof identifier === 'string' && identifier !== '' ? identifier : undefined;
      const verb = e.action.toLowerCase() === 'deleteguardrail' ? 'deleted' : 'updated';
      return {
        group,
        summary: `${group.userName} ${verb} Bedrock guardrail ${guardrail ?? '(unnamed)'} in ${group.account} ${group.region} from ${group.sourceIp}`,
        details: { ...callFacts(e), guardrailIdentifier: guardrail ?? null },
      };
    },
  });
}

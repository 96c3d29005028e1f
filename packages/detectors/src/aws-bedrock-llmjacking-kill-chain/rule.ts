import { distinctCount, orUnknown, type Detector, type Telemetry } from '@jackwatch/core';
import { bedrockCalls, describeDuration, hasAccessKey } from '../internal/bedrock.ts';
import { stepFacts } from '../internal/caller.ts';
import type { KillChainConfig } from './config.ts';
import { killChainMeta } from './meta.ts';
import { KILL_CHAIN_STAGES, STAGE_ACTIONS, stageOf } from './stages.ts';
import { subsumedFindings, type SubsumedRules } from './subsumed-findings.ts';

/**
 * Distinct playbook stages per `userIdentity.accessKeyId`: fires when a
 * sliding `window` holds `minStages` of them; the key then re-arms after
 * `window`. The finding lists, in `details.subsumes`, the findings of the
 * `subsumes` rules that its evidence proves.
 */
export function killChainRule(config: KillChainConfig, subsumes: SubsumedRules, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  return distinctCount({
    meta: killChainMeta,
    ...options,
    select: bedrockCalls(...KILL_CHAIN_STAGES.flatMap((stage) => STAGE_ACTIONS[stage])),
    where: hasAccessKey,
    groupBy: { accessKeyId: (e) => e.accessKeyId },
    distinct: stageOf,
    atLeast: config.minStages,
    window: config.window,
    finding: ({ group, values, events, anchor }) => {
      const user = orUnknown(anchor.userName);
      const links = subsumedFindings(events, subsumes);
      const steps = events.map((e, i) => `${values[i]} (${e.action}${e.outcome === 'success' ? '' : ` ${e.errorCode}`})`);
      return {
        group: { accessKeyId: group.accessKeyId!, userName: user, account: orUnknown(anchor.account) },
        summary:
          `Key ${group.accessKeyId} (${user}) went through ${values.length} of ${KILL_CHAIN_STAGES.length} LLMjacking stages within ` +
          `${describeDuration(anchor.time - events[0]!.time)}: ${steps.join(', ')}` +
          (links.length === 0 ? '' : `; it subsumes ${links.length} other finding${links.length === 1 ? '' : 's'}`),
        details: {
          stages: events.map((e, i) => ({ stage: values[i]!, ...stepFacts(e), outcome: e.outcome, errorCode: e.errorCode ?? null })),
          subsumes: links,
          subsumedFindingIds: links.map((link) => link.id),
          minStages: config.minStages,
          windowSeconds: config.window / 1000,
        },
      };
    },
  });
}

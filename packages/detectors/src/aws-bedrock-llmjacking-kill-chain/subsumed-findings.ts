import { actionMatcher, findingId, type TrailEvent } from '@jackwatch/core';
import { ENUM_THEN_INVOKE_ID } from '../aws-bedrock-enum-then-invoke-long-term-key/meta.ts';
import { LOGGING_CHECK_ID } from '../aws-bedrock-logging-check-then-invoke/meta.ts';
import { MODEL_ACCESS_ID } from '../aws-bedrock-model-access-long-term-key/meta.ts';
import { isLongTermKey, LOGGING_CHECK_ACTION, MODEL_ACCESS_ACTIONS } from '../internal/bedrock.ts';
import { stageOf } from './stages.ts';

/**
 * The rules whose findings a kill-chain finding links, as they are configured
 * beside it: each `undefined` when it does not run.
 */
export interface SubsumedRules {
  /** What the linked rules' component ids end with: `''`, or `/name` as the kill chain's own. */
  readonly suffix: string;
  /** `aws-bedrock-model-access-long-term-key` runs. */
  readonly modelAccess: boolean;
  /** `aws-bedrock-enum-then-invoke-long-term-key` runs, with this `maxSpan` (ms). */
  readonly enumThenInvoke: { readonly maxSpan: number } | undefined;
  /** `aws-bedrock-logging-check-then-invoke` runs, with this `maxSpan` (ms). */
  readonly loggingCheck: { readonly maxSpan: number } | undefined;
}

/** A finding of another rule that a kill-chain finding's own evidence proves. */
export interface SubsumedFinding {
  /** The component id of the rule that made it. */
  readonly detector: string;
  /** Its id: `findingId(detector, anchorEventId)`. */
  readonly id: string;
  /** The `eventID` of the kill chain's evidence event that anchors it. */
  readonly anchorEventId: string;
}

const isModelAccess = actionMatcher(MODEL_ACCESS_ACTIONS);
const isListing = actionMatcher(['ListFoundationModels']);
const isLoggingCheck = actionMatcher([LOGGING_CHECK_ACTION]);

/**
 * The findings of other rules that the kill chain's evidence (one event per
 * stage, all of one key) proves exist, whatever else the stream holds:
 *
 * - a model-access call by a long-term key anchors an
 *   `aws-bedrock-model-access-long-term-key` finding;
 * - a successful `ListFoundationModels` by a long-term key, with the chain's
 *   invocation `0 ≤ Δt ≤ maxSpan` after it, anchors an
 *   `aws-bedrock-enum-then-invoke-long-term-key` finding;
 * - a successful `GetModelInvocationLoggingConfiguration` with the chain's
 *   invocation `0 ≤ Δt ≤ maxSpan` after it anchors an
 *   `aws-bedrock-logging-check-then-invoke` finding.
 *
 * @example `subsumedFindings(evidence, { suffix: '', modelAccess: true, enumThenInvoke: { maxSpan: 900_000 }, loggingCheck: undefined })`
 */
export function subsumedFindings(evidence: readonly TrailEvent[], rules: SubsumedRules): SubsumedFinding[] {
  const links: SubsumedFinding[] = [];
  const link = (ruleId: string, anchor: TrailEvent): void => {
    const detector = `${ruleId}${rules.suffix}`;
    links.push({ detector, id: findingId(detector, anchor.eventId), anchorEventId: anchor.eventId });
  };
  const invocation = evidence.find((e) => stageOf(e) === 'invocation');
  const follows = (e: TrailEvent, maxSpan: number): boolean => invocation !== undefined && invocation.time - e.time >= 0 && invocation.time - e.time <= maxSpan;
  for (const event of evidence) {
    const longTerm = isLongTermKey(event.accessKeyId);
    if (rules.modelAccess && longTerm && isModelAccess(event.action)) link(MODEL_ACCESS_ID, event);
    const succeeded = event.outcome === 'success';
    if (rules.enumThenInvoke && longTerm && succeeded && isListing(event.action) && follows(event, rules.enumThenInvoke.maxSpan)) link(ENUM_THEN_INVOKE_ID, event);
    if (rules.loggingCheck && succeeded && isLoggingCheck(event.action) && follows(event, rules.loggingCheck.maxSpan)) link(LOGGING_CHECK_ID, event);
  }
  return links;
}

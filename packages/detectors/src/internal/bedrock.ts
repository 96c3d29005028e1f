import type { EventSelector, TrailEvent } from '@jackwatch/core';

/** `eventSource` of both the Bedrock control plane and the runtime (the host header tells them apart). */
export const BEDROCK_SOURCE = 'bedrock.amazonaws.com';

/** Selects the Bedrock calls named (case-insensitively), for a rule step's `select`. */
export function bedrockCalls(...eventNames: readonly string[]): EventSelector {
  return { eventSource: BEDROCK_SOURCE, eventNames };
}

/** Bedrock runtime calls that run a model and are logged by default (management events). */
export const INVOCATION_ACTIONS = ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream'] as const;

/** True for a long-term IAM user access key. `ASIA…` keys are temporary, also on an IAM user's console session. */
export function isLongTermKey(accessKeyId: string | undefined): boolean {
  return accessKeyId !== undefined && accessKeyId.startsWith('AKIA');
}

/** `requestParameters.modelId` of an invocation, if any. */
export function modelIdOf(event: TrailEvent): string | undefined {
  const modelId = event.raw.requestParameters?.['modelId'];
  return typeof modelId === 'string' ? modelId : undefined;
}

/** `userIdentity.sessionContext.sessionIssuer.arn`: the role behind a role session. */
export function sessionIssuerArnOf(event: TrailEvent): string | undefined {
  const arn = event.raw.userIdentity?.sessionContext?.sessionIssuer?.arn;
  return typeof arn === 'string' && arn !== '' ? arn : undefined;
}

/** Splunk's `vendor_account`: `userIdentity.accountId`, else `recipientAccountId`. */
export function vendorAccountOf(event: TrailEvent): string | undefined {
  const accountId = event.raw.userIdentity?.accountId;
  return typeof accountId === 'string' && accountId !== '' ? accountId : event.raw.recipientAccountId || undefined;
}

/** A duration in words for summaries: `3m 12s`, `45s`, `1h 5m`. */
export function describeDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return seconds % 60 === 0 ? `${minutes}m` : `${minutes}m ${seconds % 60}s`;
  return minutes % 60 === 0 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 60)}h ${minutes % 60}m`;
}

/**
 * Bedrock control-plane calls that check or grant access to a foundation model. The console makes
 * them; the public API reference does not list them, so a long-term key making them is unusual.
 */
export const MODEL_ACCESS_ACTIONS = [
  'GetFoundationModelAvailability',
  'GetUseCaseForModelAccess',
  'PutUseCaseForModelAccess',
  'CreateFoundationModelAgreement',
  'PutFoundationModelEntitlement',
] as const;

/** The call that reads whether (and where) prompts and completions are logged. */
export const LOGGING_CHECK_ACTION = 'GetModelInvocationLoggingConfiguration';

/** True when the event carries an access key to join or group by (AWS services' own calls carry none). */
export function hasAccessKey(event: TrailEvent): boolean {
  return event.accessKeyId !== undefined && event.accessKeyId !== '';
}

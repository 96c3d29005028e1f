import { formatDuration, orUnknown, type Detector, type Telemetry, type TrailEvent } from '@jackwatch/core';
import { newTerms, type NewTermsMatch } from '../new-terms/index.ts';
import type { NewOriginConfig } from './config.ts';
import { newOriginMeta } from './meta.ts';

const BEDROCK = 'bedrock.amazonaws.com';
const INVOCATIONS = ['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream'];

/** `Boto3` from `Boto3/1.34.0 md/Botocore#1.34.0 …`: the product a user agent starts with. */
export function userAgentProduct(userAgent: string | undefined): string | undefined {
  if (userAgent === undefined) return undefined;
  const product = /^\s*([^\s/]+)/.exec(userAgent)?.[1];
  return product === undefined || product === '' ? undefined : product;
}

/**
 * The new-origin rule on the `newTerms` primitive: key = a long-term
 * (`AKIA…`) access key, events = its successful Bedrock invocations, terms =
 * source IP and user agent (as configured). Only invocations teach, so the
 * attacker's own reconnaissance from the new origin cannot make it known.
 */
export function newOriginRule(config: NewOriginConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  const terms: Record<string, (event: TrailEvent) => string | undefined> = {};
  if (config.sourceIp === 'exact') terms['sourceIp'] = (e) => e.sourceIp;
  if (config.userAgent === 'exact') terms['userAgent'] = (e) => e.userAgent;
  if (config.userAgent === 'product') terms['userAgent'] = (e) => userAgentProduct(e.userAgent);
  return newTerms({
    meta: newOriginMeta,
    ...options,
    select: { eventSource: BEDROCK, eventNames: INVOCATIONS },
    where: (e) => e.outcome === 'success' && e.accessKeyId?.startsWith('AKIA') === true,
    by: (e) => e.accessKeyId,
    terms,
    history: config.history,
    learning: config.learning,
    maxValuesPerKey: config.maxOriginsPerKey,
    finding: (match) => describeMatch(match, config.history),
  });
}

function describeMatch(match: NewTermsMatch, history: number): { group: Record<string, string>; summary: string; details: Record<string, unknown> } {
  const { event, key } = match;
  const user = orUnknown(event.userName);
  const modelId = event.raw.requestParameters?.['modelId'];
  const what = match.newTerms.map((term) => (term === 'sourceIp' ? `new source IP ${match.values[term]}` : `new user agent "${match.values[term]}"`));
  const knownIps = match.known['sourceIp']?.map((k) => k.value) ?? [];
  const knownAgents = match.known['userAgent']?.map((k) => k.value) ?? [];
  return {
    group: { accessKeyId: key, userName: user, account: orUnknown(event.account), sourceIp: orUnknown(event.sourceIp), userAgent: orUnknown(event.userAgent) },
    summary:
      `Long-term key ${key} (${user}) called ${event.action}${typeof modelId === 'string' ? ` on ${modelId}` : ''} from a ${what.join(' and a ')}` +
      ` — not seen for this key in the last ${formatDuration(history)}`,
    details: {
      newTerms: match.newTerms,
      sourceIp: event.sourceIp ?? null,
      userAgent: event.userAgent ?? null,
      action: event.action,
      modelId: typeof modelId === 'string' ? modelId : null,
      region: event.region ?? null,
      knownSourceIps: knownIps,
      knownUserAgents: knownAgents,
      keyLastSeen: new Date(match.keyLastSeen).toISOString(),
    },
  };
}

import { threshold, type Detector, type Telemetry, type TrailEvent } from '@jackwatch/core';
import { bedrockCalls, vendorAccountOf } from '../internal/bedrock.ts';
import type { ListModelsFailuresConfig } from './config.ts';
import { listModelsFailuresMeta } from './meta.ts';

/**
 * Splunk's by-fields, as its AWS add-on maps a CloudTrail record. A missing
 * value groups as `unknown` instead of dropping the event as `stats` would.
 */
export const listModelsFailuresGroupBy: Readonly<Record<string, (event: TrailEvent) => string | undefined>> = {
  src: (e) => e.sourceIp,
  user: (e) => e.userName,
  user_agent: (e) => e.userAgent,
  vendor_account: vendorAccountOf,
  vendor_product: () => 'AWS CloudTrail',
  dest: (e) => e.source,
  signature: (e) => e.action,
  vendor_region: (e) => e.region,
};

/**
 * Rule C as a threshold: ListFoundationModels refused with one of
 * `errorCodes`, more than `threshold` times per group within a sliding
 * `window`; one finding per firing, then the group re-arms after `window`.
 */
export function listModelsFailuresRule(config: ListModelsFailuresConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  const exactCodes = new Set(config.errorCodes);
  const lowerCodes = new Set(config.errorCodes.map((code) => code.toLowerCase()));
  const isCountedError = (code: string | undefined): boolean => code !== undefined && (exactCodes.has(code) || lowerCodes.has(code.toLowerCase()));
  return threshold({
    meta: listModelsFailuresMeta,
    ...options,
    select: bedrockCalls('ListFoundationModels'),
    where: (e) => isCountedError(e.errorCode),
    groupBy: listModelsFailuresGroupBy,
    window: config.window,
    threshold: config.threshold,
    finding: ({ group, events, count }) => ({
      summary: `User ${group.user} attempted to list AWS Bedrock foundation models ${count} times with failures from ${group.src}`,
      details: {
        count,
        firstTime: new Date(events[0]!.time).toISOString(),
        lastTime: new Date(events[events.length - 1]!.time).toISOString(),
        errorCodes: distinct(events, (e) => e.errorCode),
        errorMessages: distinct(events, (e) => e.errorMessage),
        threshold: config.threshold,
        windowSeconds: config.window / 1000,
        riskObject: { type: 'user', value: group.user, score: 50 },
        threatObject: { type: 'ip_address', value: group.src },
      },
    }),
  });
}

function distinct(events: readonly TrailEvent[], read: (event: TrailEvent) => string | undefined): string[] {
  const values = new Set<string>();
  for (const event of events) {
    const value = read(event);
    if (value !== undefined) values.add(value);
  }
  return [...values].sort();
}

import type { TrailEvent } from '@jackwatch/core';
import { assumedRole, EventFactory, iamUser, iamUserConsoleSession, type RecordSpec, type TestIdentity } from '@jackwatch/core/testing';
import fc from 'fast-check';

/** Start of every generated stream. */
export const STREAM_START = Date.parse('2024-10-17T20:00:00Z');

/** The callers generated streams draw from: two long-term keys and two temporary ones. */
export const STREAM_IDENTITIES: readonly TestIdentity[] = [
  iamUser({ userName: 'mallory' }),
  iamUser({ userName: 'trent' }),
  assumedRole({ roleName: 'bedrock-app' }),
  iamUserConsoleSession({ userName: 'pedro' }),
];

/** One generated call; `second` is its offset from {@link STREAM_START}. */
export interface CallSpec {
  readonly second: number;
  readonly identity: number;
  readonly action: string;
  readonly errorCode: string | undefined;
  readonly sourceIp: string;
  readonly userAgent: string | null;
  readonly region: string;
  /** `requestParameters.modelId` (`undefined`: the record's default, a Claude model for invocations, none otherwise). */
  readonly modelId: string | undefined;
}

/**
 * Generated calls over `seconds` seconds, from `actions` (repeat one to make
 * it likelier), failing with one of `errorCodes` in about `failureShare` of calls.
 */
export function callsArbitrary(options: {
  actions: readonly string[];
  errorCodes: readonly string[];
  failureShare: number;
  seconds: number;
  maxLength: number;
  /** How many of {@link STREAM_IDENTITIES} to draw from (default all). */
  identities?: number;
  sourceIps?: readonly string[];
  userAgents?: readonly (string | null)[];
  /** `awsRegion` values to draw from (default `us-east-1` only). */
  regions?: readonly string[];
  /** `requestParameters.modelId` values to draw from (default: the record's own). */
  modelIds?: readonly string[];
}): fc.Arbitrary<CallSpec[]> {
  const failureWeight = Math.round(options.failureShare * 100);
  return fc.array(
    fc.record({
      second: fc.integer({ min: 0, max: options.seconds }),
      identity: fc.integer({ min: 0, max: (options.identities ?? STREAM_IDENTITIES.length) - 1 }),
      action: fc.constantFrom(...options.actions),
      errorCode: fc.oneof(
        { arbitrary: fc.constant(undefined), weight: 100 - failureWeight },
        { arbitrary: fc.constantFrom(...options.errorCodes), weight: failureWeight },
      ),
      sourceIp: fc.constantFrom(...(options.sourceIps ?? ['198.51.100.7', '203.0.113.9'])),
      userAgent: fc.constantFrom<string | null>(...(options.userAgents ?? ['Boto3/1.34.0', 'python-requests/2.31', null])),
      region: fc.constantFrom(...(options.regions ?? ['us-east-1'])),
      modelId: options.modelIds === undefined ? fc.constant(undefined) : fc.constantFrom(...options.modelIds),
    }),
    { minLength: 1, maxLength: options.maxLength, size: 'max' },
  );
}

/** The events of generated calls, with distinct reproducible ids. */
export function toEvents(seed: string, calls: readonly CallSpec[]): TrailEvent[] {
  const factory = new EventFactory(seed);
  return calls.map((call) => {
    const spec: RecordSpec = {
      time: STREAM_START + call.second * 1000,
      action: call.action,
      identity: STREAM_IDENTITIES[call.identity]!,
      sourceIp: call.sourceIp,
      userAgent: call.userAgent,
      region: call.region,
      ...(call.modelId === undefined ? {} : { modelId: call.modelId }),
      ...(call.errorCode === undefined ? {} : { errorCode: call.errorCode }),
    };
    return factory.event(spec);
  });
}

/**
 * An arrival order in which no event is later than `lateness`: each event is
 * delayed by its own `delays[i]` (a fraction of the lateness) and events
 * arrive by time plus delay.
 */
export function arrivalWithin(events: readonly TrailEvent[], delays: readonly number[], lateness: number): number[] {
  return events
    .map((event, index) => ({ index, arrival: event.time + (delays[index % delays.length] ?? 0) * lateness }))
    .sort((a, b) => a.arrival - b.arrival || a.index - b.index)
    .map((entry) => entry.index);
}

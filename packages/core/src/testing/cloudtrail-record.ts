import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { iamUser, type TestIdentity } from './identities.ts';
import { uuidFromSeed } from './seeded.ts';

/** What a test event is: the call, who made it, when, and how it ended. */
export interface RecordSpec {
  /** Event time: epoch milliseconds or an ISO string. Written with second resolution, like CloudTrail. */
  readonly time: number | string;
  /** `eventName`, e.g. `ListFoundationModels`. */
  readonly action: string;
  /** `eventSource` (default `bedrock.amazonaws.com`). */
  readonly source?: string;
  /** Who called (default `iamUser()`: alice with a long-term key). */
  readonly identity?: TestIdentity;
  /** `awsRegion` (default `us-east-1`). */
  readonly region?: string;
  /** `sourceIPAddress`; `null` leaves it out. */
  readonly sourceIp?: string | null;
  /** `userAgent`; `null` leaves it out. */
  readonly userAgent?: string | null;
  /** Makes the call a failure. */
  readonly errorCode?: string;
  /** Defaults to an AWS-style message for access-denied codes. */
  readonly errorMessage?: string;
  /** Shortcut for `requestParameters.modelId` (invocations default to a Claude model). */
  readonly modelId?: string;
  readonly requestParameters?: Readonly<Record<string, unknown>> | null;
  readonly responseElements?: Readonly<Record<string, unknown>> | null;
  /** `eventID`; default derived from `seed`. */
  readonly eventId?: string;
  /** Seed of the derived `eventID`/`requestID` (default: derived from the other fields). */
  readonly seed?: string;
  /** `recipientAccountId` (default the identity's account). */
  readonly account?: string;
  /** Extra top-level fields, merged last. */
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The Bedrock runtime calls: logged by the control-plane `eventSource` with a runtime host header. */
const RUNTIME_ACTIONS = new Set(['InvokeModel', 'InvokeModelWithResponseStream', 'Converse', 'ConverseStream']);
/** A model id that appears in real LLMjacking reports. */
export const DEFAULT_MODEL_ID = 'anthropic.claude-3-sonnet-20240229-v1:0';
/** The user agent of test events unless told otherwise. */
export const DEFAULT_USER_AGENT = 'Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.4 cfg/retry-mode#legacy Botocore/1.34.0';

/**
 * A CloudTrail record that looks real (field set and order of an S3-delivered
 * record): `eventVersion`, `userIdentity`, `eventTime` (ISO, `Z`),
 * `eventSource`, `eventName`, `awsRegion`, `sourceIPAddress`, `userAgent`,
 * error fields, `requestParameters`, `responseElements`, `requestID`,
 * `eventID`, `readOnly`, `eventType`, `managementEvent`,
 * `recipientAccountId`, `eventCategory`, `tlsDetails`.
 *
 * @example `cloudTrailRecord({ time: '2024-10-17T20:11:24Z', action: 'InvokeModel', identity: iamUser() })`
 */
export function cloudTrailRecord(spec: RecordSpec): CloudTrailRecord {
  const identity = spec.identity ?? iamUser();
  const source = spec.source ?? 'bedrock.amazonaws.com';
  const region = spec.region ?? 'us-east-1';
  const time = typeof spec.time === 'number' ? spec.time : Date.parse(spec.time);
  const seed = spec.seed ?? `${source}|${spec.action}|${time}|${identity.userIdentity.arn ?? identity.userIdentity.type}|${spec.errorCode ?? ''}`;
  const service = identity.userIdentity.type === 'AWSService' ? String(identity.userIdentity.invokedBy) : undefined;
  const record: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: identity.userIdentity,
    eventTime: cloudTrailTime(time),
    eventSource: source,
    eventName: spec.action,
    awsRegion: region,
  };
  const sourceIp = spec.sourceIp === undefined ? (service ?? '198.51.100.7') : spec.sourceIp;
  if (sourceIp !== null) record.sourceIPAddress = sourceIp;
  const userAgent = spec.userAgent === undefined ? (service ?? DEFAULT_USER_AGENT) : spec.userAgent;
  if (userAgent !== null) record.userAgent = userAgent;
  if (spec.errorCode !== undefined) {
    record.errorCode = spec.errorCode;
    record.errorMessage = spec.errorMessage ?? defaultErrorMessage(spec.errorCode, identity, source, spec.action);
  }
  record.requestParameters = spec.requestParameters !== undefined ? spec.requestParameters : defaultRequest(spec);
  record.responseElements = spec.responseElements ?? null;
  record.requestID = uuidFromSeed(`${seed}|request`);
  record.eventID = spec.eventId ?? uuidFromSeed(seed);
  record.readOnly = /^(List|Get|Describe|Invoke|Converse)/.test(spec.action);
  record.eventType = 'AwsApiCall';
  record.managementEvent = true;
  record.recipientAccountId = spec.account ?? identity.account;
  record.eventCategory = 'Management';
  record.tlsDetails = { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: hostHeader(source, spec.action, region) };
  Object.assign(record, identity.recordFields, spec.extra);
  return record as CloudTrailRecord;
}

/** Epoch ms as CloudTrail writes it: `2024-10-17T20:11:24Z` (milliseconds only when not zero). */
export function cloudTrailTime(time: number): string {
  const iso = new Date(time).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

function defaultRequest(spec: RecordSpec): Record<string, unknown> | null {
  if (spec.modelId !== undefined || RUNTIME_ACTIONS.has(spec.action)) return { modelId: spec.modelId ?? DEFAULT_MODEL_ID };
  return null;
}

function defaultErrorMessage(code: string, identity: TestIdentity, source: string, action: string): string {
  if (!/^AccessDenied/i.test(code)) return `${code} error`;
  const service = source.replace(/\.amazonaws\.com$/, '');
  const who = identity.userIdentity.arn ?? identity.userIdentity.type ?? 'caller';
  return `User: ${who} is not authorized to perform: ${service}:${action} because no identity-based policy allows the ${service}:${action} action`;
}

function hostHeader(source: string, action: string, region: string): string {
  if (source === 'bedrock.amazonaws.com' && RUNTIME_ACTIONS.has(action)) return `bedrock-runtime.${region}.amazonaws.com`;
  return `${source.replace(/\.amazonaws\.com$/, '')}.${region}.amazonaws.com`;
}

import { createHash } from 'node:crypto';
import type { CloudTrailRecord } from './cloudtrail-record.ts';
import { parseEventTime } from './event-time.ts';
import type { Rejection } from './rejection.ts';
import type { EventOrigin, TrailEvent } from './trail-event.ts';

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * Turns one decoded JSON value into a {@link TrailEvent}, or explains why it
 * is not a CloudTrail record. Never throws.
 *
 * A record needs `eventTime`, `eventSource` and `eventName`; everything else
 * is optional (AWS service events carry no access key, for instance).
 */
export function normalizeRecord(value: unknown, origin: EventOrigin): TrailEvent | Rejection {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { reason: 'not-cloudtrail', message: `expected a CloudTrail record object, got ${describe(value)}`, origin };
  }
  const raw = value as CloudTrailRecord;
  const source = str(raw.eventSource);
  const action = str(raw.eventName);
  if (source === undefined || action === undefined) {
    return { reason: 'not-cloudtrail', message: 'not a CloudTrail record: eventSource or eventName is missing', origin };
  }
  if (raw.eventTime === undefined) {
    return { reason: 'missing-event-time', message: `${source} ${action} has no eventTime`, origin };
  }
  const time = typeof raw.eventTime === 'string' ? parseEventTime(raw.eventTime) : undefined;
  if (time === undefined) {
    return { reason: 'bad-event-time', message: `${source} ${action} has an unreadable eventTime ${JSON.stringify(raw.eventTime)}`, origin };
  }
  const identity = typeof raw.userIdentity === 'object' && raw.userIdentity !== null ? raw.userIdentity : undefined;
  const principalArn = str(identity?.arn);
  const errorCode = str(raw.errorCode);
  return {
    raw,
    time,
    source,
    action,
    outcome: errorCode === undefined ? 'success' : 'failure',
    errorCode,
    errorMessage: str(raw.errorMessage),
    accessKeyId: str(identity?.accessKeyId),
    principalArn,
    principalType: str(identity?.type),
    userName: str(identity?.userName) ?? str(identity?.sessionContext?.sessionIssuer?.userName) ?? lastSegment(principalArn),
    account: recordAccount(raw),
    region: recordRegion(raw),
    sourceIp: str(raw.sourceIPAddress),
    userAgent: str(raw.userAgent),
    eventId: str(raw.eventID) ?? contentId(raw),
    origin,
  };
}

/** The account a record belongs to, as {@link TrailEvent.account}: `recipientAccountId`, else `userIdentity.accountId`. */
export function recordAccount(raw: CloudTrailRecord): string | undefined {
  return str(raw.recipientAccountId) ?? str(typeof raw.userIdentity === 'object' && raw.userIdentity !== null ? raw.userIdentity.accountId : undefined);
}

/** The region a record belongs to, as {@link TrailEvent.region}. */
export function recordRegion(raw: CloudTrailRecord): string | undefined {
  return str(raw.awsRegion);
}

/** True when {@link normalizeRecord} returned a rejection. */
export function isRejection(result: TrailEvent | Rejection): result is Rejection {
  return 'reason' in result;
}

function lastSegment(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  // `…:user/path/alice` → `alice`; `arn:aws:iam::123456789012:root` → `root`.
  const segment = arn.slice(Math.max(arn.lastIndexOf('/'), arn.lastIndexOf(':')) + 1);
  return segment === '' ? undefined : segment;
}

// A record without eventID still needs a stable id for deterministic findings.
function contentId(raw: CloudTrailRecord): string {
  return `sha256:${createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 32)}`;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}

import type { CloudTrailRecord } from './cloudtrail-record.ts';

/**
 * Where an event came from, precise enough for a person to find it again:
 * `location` is a file path, `s3://bucket/key` or `logGroup/logStream`, and
 * `index` the record's position in it (or the CloudWatch event id).
 */
export interface EventOrigin {
  /** Component id of the source that read it, e.g. `s3/prod`. */
  readonly source: string;
  readonly location: string;
  readonly index: number | string;
}

/** Whether the call succeeded: `failure` when the record has an `errorCode`. */
export type EventOutcome = 'success' | 'failure';

/**
 * One CloudTrail record plus the normalized view computed once at decode.
 * Detectors read the normalized fields on the hot path and the
 * raw record for anything else.
 */
export interface TrailEvent {
  /** The record, raw and intact. */
  readonly raw: CloudTrailRecord;
  /** `eventTime` as epoch milliseconds (event time, never arrival time). */
  readonly time: number;
  /** `eventSource`, e.g. `bedrock.amazonaws.com`. */
  readonly source: string;
  /** `eventName`, e.g. `InvokeModel`. */
  readonly action: string;
  readonly outcome: EventOutcome;
  readonly errorCode: string | undefined;
  readonly errorMessage: string | undefined;
  /** `userIdentity.accessKeyId`: `AKIA…` long-term, `ASIA…` temporary. */
  readonly accessKeyId: string | undefined;
  readonly principalArn: string | undefined;
  readonly principalType: string | undefined;
  /** `userIdentity.userName`, else the session issuer's `userName`, else the ARN's last segment. */
  readonly userName: string | undefined;
  /** `recipientAccountId`, else `userIdentity.accountId`. */
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly sourceIp: string | undefined;
  readonly userAgent: string | undefined;
  /** `eventID`; when a record has none, a stable hash of its content. */
  readonly eventId: string;
  readonly origin: EventOrigin;
}

/**
 * A CloudTrail record exactly as AWS delivered it. jackwatch never rewrites it:
 * detectors and sinks may read any field, and findings carry it as evidence.
 *
 * Only the fields the normalized view reads are typed; everything else is kept.
 */
export interface CloudTrailRecord {
  readonly eventVersion?: string;
  readonly eventTime?: string;
  readonly eventSource?: string;
  readonly eventName?: string;
  readonly eventID?: string;
  readonly awsRegion?: string;
  readonly sourceIPAddress?: string;
  readonly userAgent?: string;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly recipientAccountId?: string;
  readonly requestParameters?: Readonly<Record<string, unknown>> | null;
  readonly responseElements?: Readonly<Record<string, unknown>> | null;
  readonly userIdentity?: CloudTrailUserIdentity;
  readonly [field: string]: unknown;
}

/** The `userIdentity` block of a CloudTrail record (the fields jackwatch reads). */
export interface CloudTrailUserIdentity {
  readonly type?: string;
  readonly principalId?: string;
  readonly arn?: string;
  readonly accountId?: string;
  readonly accessKeyId?: string;
  readonly userName?: string;
  readonly sessionContext?: {
    readonly sessionIssuer?: { readonly type?: string; readonly userName?: string; readonly arn?: string };
    readonly attributes?: Readonly<Record<string, unknown>>;
  };
  readonly [field: string]: unknown;
}

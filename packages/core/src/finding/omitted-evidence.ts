import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';

/** The key of an evidence marker, holding why the record was left out. */
export const EVIDENCE_OMITTED_KEY = 'jackwatch.evidenceOmitted';

/** The record fields a marker keeps (when they are strings), so the record can still be found in the trail. */
const IDENTITY_FIELDS = ['eventID', 'eventName', 'eventTime', 'eventSource', 'awsRegion', 'recipientAccountId'] as const;

/** Longest identity value a marker copies; longer ones are cut, so a marker stays small whatever the record holds. */
const MAX_FIELD_LENGTH = 256;

/** What stands in a finding's evidence for a record that could not be serialised or did not fit. */
export interface OmittedEvidence extends CloudTrailRecord {
  /** Why the record was left out, e.g. `nested deeper than 1000 levels`. */
  readonly [EVIDENCE_OMITTED_KEY]: string;
}

/**
 * The marker that replaces an evidence record a sink cannot write:
 * `{ "jackwatch.evidenceOmitted": reason, eventID, eventName, eventTime,
 * eventSource, awsRegion, recipientAccountId }`, keeping only those fields
 * that are strings (cut to 256 characters). Never throws, whatever `record` is.
 *
 * @example omittedEvidence(record, 'nested deeper than 1000 levels')
 * // { 'jackwatch.evidenceOmitted': 'nested deeper than 1000 levels', eventID: '3a1c…', eventName: 'InvokeModel', … }
 */
export function omittedEvidence(record: unknown, reason: string): OmittedEvidence {
  const marker: Record<string, string> = { [EVIDENCE_OMITTED_KEY]: reason };
  for (const field of IDENTITY_FIELDS) {
    const value = readField(record, field);
    if (typeof value === 'string') marker[field] = value.length > MAX_FIELD_LENGTH ? `${value.slice(0, MAX_FIELD_LENGTH - 1)}…` : value;
  }
  return marker as OmittedEvidence;
}

/** Whether an evidence entry is a marker left by {@link omittedEvidence}. */
export function isOmittedEvidence(record: unknown): record is OmittedEvidence {
  return typeof readField(record, EVIDENCE_OMITTED_KEY) === 'string';
}

function readField(record: unknown, field: string): unknown {
  if (typeof record !== 'object' || record === null) return undefined;
  try {
    return (record as Record<string, unknown>)[field];
  } catch {
    return undefined;
  }
}

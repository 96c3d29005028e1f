import type { CloudTrailRecord } from '../event/cloudtrail-record.ts';
import { DEFAULT_EVIDENCE_LIMITS, type EvidenceLimits } from './evidence-limits.ts';
import type { Finding } from './finding.ts';
import { findingOutline } from './finding-outline.ts';
import { checkJsonShape } from './json-shape-check.ts';
import { omittedEvidence } from './omitted-evidence.ts';

/** The key that replaces a finding's `details` when they cannot be serialised: `{ "jackwatch.detailsOmitted": reason }`. */
export const DETAILS_OMITTED_KEY = 'jackwatch.detailsOmitted';

/**
 * The finding as a sink can write it: each evidence record that is nested
 * deeper than `limits.maxDepth`, cyclic, holds a BigInt, throws when read or
 * when serialised, or does not fit in what is left of `limits.maxBytes`, is
 * replaced by a marker (see {@link omittedEvidence}) that keeps its
 * `eventID`, `eventName` and `eventTime`; `details` that cannot be serialised
 * become `{ "jackwatch.detailsOmitted": reason }`; and if anything else in
 * the finding cannot be serialised, the result is its {@link findingOutline}.
 * Returns `finding` itself when nothing had to change. Never throws and
 * never recurses; time is linear in what it reads, which is bounded by the
 * limits, not by the input.
 *
 * Every first-party sink writes findings through this (or
 * {@link serializeFinding}); a third-party sink should too.
 *
 * @example
 * ```ts
 * const safe = safeFinding(finding, { maxBytes: 64 * 1024 });
 * safe.evidence.filter(isOmittedEvidence).map((m) => m['jackwatch.evidenceOmitted']); // ['nested deeper than 1000 levels']
 * ```
 */
export function safeFinding(finding: Finding, limits: Partial<EvidenceLimits> = {}): Finding {
  const { maxBytes, maxDepth } = { ...DEFAULT_EVIDENCE_LIMITS, ...limits };
  try {
    const evidence = boundEvidence(finding.evidence, maxBytes, maxDepth);
    const details = finding.details === undefined ? undefined : boundDetails(finding.details, maxBytes, maxDepth);
    const rest = checkJsonShape({ ...finding, evidence: [], details: undefined }, { maxDepth, maxBytes: Number.POSITIVE_INFINITY });
    if (!rest.ok) return findingOutline(finding, rest.reason);
    if (evidence === finding.evidence && details === finding.details) return finding;
    return { ...finding, evidence, ...(details === undefined ? {} : { details }) };
  } catch (error) {
    return findingOutline(finding, `cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * `JSON.stringify(safeFinding(finding, limits))`, with the finding's
 * {@link findingOutline} as the fallback should serialisation still fail.
 * Never throws: one bad finding never costs its batch.
 *
 * @example process.stdout.write(`${serializeFinding(finding)}\n`);
 */
export function serializeFinding(finding: Finding, limits: Partial<EvidenceLimits> = {}): string {
  const safe = safeFinding(finding, limits);
  try {
    return JSON.stringify(safe);
  } catch (error) {
    return JSON.stringify(findingOutline(finding, `cannot be serialised: ${error instanceof Error ? error.message : String(error)}`));
  }
}

/** The records in order, each replaced by a marker when it cannot be written or no longer fits; `records` itself when all can. */
function boundEvidence(records: readonly CloudTrailRecord[], maxBytes: number, maxDepth: number): readonly CloudTrailRecord[] {
  if (!Array.isArray(records)) throw new TypeError('evidence is not an array');
  let bounded: CloudTrailRecord[] | undefined;
  let used = 0;
  for (let i = 0; i < records.length; i++) {
    const record = records[i] as CloudTrailRecord;
    const fit = recordSize(record, maxBytes - used, maxDepth);
    if (typeof fit === 'number') used += fit;
    else bounded ??= records.slice(0, i);
    bounded?.push(typeof fit === 'number' ? record : omittedEvidence(record, fit === 'too-large' ? `does not fit in the ${maxBytes} bytes of JSON a finding's evidence may take` : fit));
  }
  return bounded ?? records;
}

/** The record's exact JSON size when it fits in `budget`; else `'too-large'` or the reason it cannot be serialised. */
function recordSize(record: CloudTrailRecord, budget: number, maxDepth: number): number | string {
  const shape = checkJsonShape(record, { maxDepth, maxBytes: Math.max(0, budget) });
  if (!shape.ok) return shape.problem === 'too-large' ? 'too-large' : shape.reason;
  let json: string | undefined;
  try {
    json = JSON.stringify(record);
  } catch (error) {
    return `cannot be serialised: ${error instanceof Error ? error.message : String(error)}`;
  }
  const bytes = json === undefined ? 0 : Buffer.byteLength(json);
  return bytes <= budget ? bytes : 'too-large';
}

function boundDetails(details: Readonly<Record<string, unknown>>, maxBytes: number, maxDepth: number): Readonly<Record<string, unknown>> {
  const shape = checkJsonShape(details, { maxDepth, maxBytes });
  if (shape.ok) return details;
  const reason = shape.problem === 'too-large' ? `more than ${maxBytes} bytes of JSON` : shape.reason;
  return { [DETAILS_OMITTED_KEY]: reason };
}

import { findingId } from '@jackwatch/core';
import type { Manifest } from '../generate/dataset.ts';
import type { Measurement } from './measurement.ts';

/**
 * What is wrong with one run's results, compared with what the generator
 * injected: the finding ids must be exactly the expected ones (no more, no
 * fewer, no duplicates); a prefiltering agent or jq must have selected
 * exactly the records the detectors can match, and an agent without the
 * prefilter must have decoded every record and passed on at least those; a
 * floor row must have counted every record, Bedrock record and byte; a SQL
 * peer must have found as many findings per rule as were injected.
 * Empty when all is right.
 */
export function checkRun(label: string, measurement: Measurement, manifest: Manifest): string[] {
  const problems: string[] = [];
  const details = measurement.details as {
    findings?: string[];
    eventsRead?: Record<string, number>;
    unmatched?: number;
    selected?: number;
    mode?: { prefilter: boolean; workers: number | string };
    floor?: { records: number; bedrock: number; bytes: number };
    ruleFindings?: Record<string, number>;
  };
  if (details.findings !== undefined) {
    const found = new Set(details.findings);
    if (found.size !== details.findings.length) problems.push(`${label}: ${details.findings.length - found.size} duplicate findings`);
    const accounted = new Set<string>();
    for (const e of manifest.expected) {
      const ids = [e.anchorEventId, ...(e.alternatives ?? [])].map((anchor) => findingId(e.detector, anchor));
      const hits = ids.filter((id) => found.has(id));
      if (hits.length !== 1) problems.push(`${label}: ${hits.length === 0 ? 'missed' : `${hits.length} findings for`} ${e.scenario} (${ids[0]})`);
      for (const id of hits) accounted.add(id);
    }
    for (const id of found) if (!accounted.has(id)) problems.push(`${label}: unexpected finding ${id}`);
    const read = Object.values(details.eventsRead ?? {}).reduce((a, b) => a + b, 0);
    if (details.mode?.prefilter === true && read !== manifest.interestingRecords) {
      problems.push(`${label}: the prefilter let ${read} events through, the detectors can match ${manifest.interestingRecords}`);
    }
    if (details.mode?.prefilter === false && (read + (details.unmatched ?? 0) !== manifest.records || read < manifest.interestingRecords)) {
      problems.push(`${label}: decoded ${read} + ${details.unmatched ?? 0} unmatched of ${manifest.records} records, passing on ${read} where the detectors can match ${manifest.interestingRecords}`);
    }
  }
  if (details.selected !== undefined && details.selected !== manifest.interestingRecords) {
    problems.push(`${label}: jq selected ${details.selected} records, expected ${manifest.interestingRecords}`);
  }
  if (details.floor !== undefined) {
    const { records, bedrock, bytes } = details.floor;
    if (records !== manifest.records || bedrock !== manifest.bedrockRecords || bytes !== manifest.rawBytes) {
      problems.push(`${label}: counted ${records} records (${bedrock} Bedrock) in ${bytes} bytes; the dataset holds ${manifest.records} (${manifest.bedrockRecords}) in ${manifest.rawBytes}`);
    }
  }
  if (details.ruleFindings !== undefined) {
    for (const [detector, count] of Object.entries(details.ruleFindings)) {
      const injected = manifest.expected.filter((e) => e.detector === detector).length;
      if (count !== injected) problems.push(`${label}: ${count} findings of ${detector}, ${injected} injected`);
    }
  }
  return problems;
}

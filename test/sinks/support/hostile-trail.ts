import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloudTrailRecord } from '@jackwatch/core/testing';
import type { CloudTrailRecord } from '@jackwatch/core';

const T0 = Date.parse('2026-03-14T02:00:00Z');

/** Depth of the deep record's `requestParameters`. */
export const DEEP_LEVELS = 100_000;
/** Bytes of text in the huge record. */
export const HUGE_BYTES = 5_000_000;

/** A trail file of logging deletions, each one a finding of `aws-bedrock-logging-deletion`, and what is in it. */
export interface HostileTrail {
  /** A fresh directory holding `logs/trail.json`. */
  readonly dir: string;
  readonly logs: string;
  /** Every record's eventID, in file order. */
  readonly eventIds: readonly string[];
  readonly deepEventId: string;
  readonly hugeEventId: string;
}

function deletion(n: number): CloudTrailRecord {
  return cloudTrailRecord({ time: T0 + n * 60_000, action: 'DeleteModelInvocationLoggingConfiguration', seed: `hostile-deletion-${n}`, requestParameters: null });
}

/**
 * Writes `{"Records":[…]}` with four deletions: good, one whose
 * `requestParameters` nest 100,000 levels deep (written as text: no
 * JavaScript value of that depth can be stringified), one carrying 5 MB of
 * text, and good again.
 */
export async function writeHostileTrail(): Promise<HostileTrail> {
  const dir = await mkdtemp(join(tmpdir(), 'jackwatch-hostile-'));
  const logs = join(dir, 'logs');
  await mkdir(logs);
  const records = [0, 1, 2, 3].map(deletion);
  const deep = JSON.stringify({ ...records[1], requestParameters: 'DEEP' }).replace('"requestParameters":"DEEP"', `"requestParameters":${'{"a":'.repeat(DEEP_LEVELS)}1${'}'.repeat(DEEP_LEVELS)}`);
  const huge = JSON.stringify({ ...records[2], requestParameters: { policy: 'p'.repeat(HUGE_BYTES) } });
  const lines = [JSON.stringify(records[0]), deep, huge, JSON.stringify(records[3])];
  await writeFile(join(logs, 'trail.json'), `{"Records":[${lines.join(',')}]}`);
  const eventIds = records.map((r) => r.eventID!);
  return { dir, logs, eventIds, deepEventId: eventIds[1]!, hugeEventId: eventIds[2]! };
}

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createComponentContext } from '@jackwatch/core';
import { bedrockPackFactory } from '@jackwatch/detectors';
import { BEDROCK, BedrockTraffic } from './bedrock-traffic.ts';
import { actorKinds, backgroundCalls, backgroundErrors } from './calls.ts';
import { Random } from './random.ts';
import { buildRecord, isoSeconds } from './record.ts';
import { injectScenarios, SCENARIO_SPAN, type ExpectedFinding } from './scenarios.ts';
import { createWorld, type Json, type Partition, type World } from './world.ts';

/** What to generate. The same options always give the same files. */
export interface DatasetOptions {
  /** Records in all, approximately (the last delivery interval is cut to fit). */
  readonly records: number;
  /** Share of records whose eventSource is Bedrock, e.g. 0.01. */
  readonly bedrockShare: number;
  /** Sets of attack scenarios (`FINDINGS_PER_SET` findings each); default one per 100,000 records, at least 1. */
  readonly attacks?: number;
  readonly seed?: number;
  /** Most records per delivery file (CloudTrail splits busy intervals); default 1000. */
  readonly recordsPerFile?: number;
  /** Records per second of event time; default 200 (a large organization: ~17M a day). */
  readonly rate?: number;
}

/** What was generated, written beside the files as manifest.json. */
export interface Manifest {
  readonly version: number;
  readonly options: Required<DatasetOptions>;
  readonly dir: string;
  readonly files: number;
  readonly records: number;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  /** Records whose eventSource is Bedrock. */
  readonly bedrockRecords: number;
  /** Records the shipped detectors can match (Bedrock and one of their event names): what jq must select. */
  readonly interestingRecords: number;
  /** Those event names (of `bedrock.amazonaws.com`), sorted: the interest of the `aws-bedrock` pack. */
  readonly interestingNames: readonly string[];
  readonly expected: readonly ExpectedFinding[];
  readonly start: string;
  readonly end: string;
}

const VERSION = 5;
const DELIVERY_INTERVAL = 5 * 60_000;
const START = Date.UTC(2026, 10, 2, 8, 0, 0);
const INTERESTING_NAMES = bedrockEventNames();
const INTERESTING = new Set(INTERESTING_NAMES);

// The Bedrock event names the shipped detectors (the aws-bedrock pack) select: what the bench's agent may read.
function bedrockEventNames(): string[] {
  const pack = bedrockPackFactory.create(bedrockPackFactory.configSchema.parse({}), createComponentContext(bedrockPackFactory.type));
  if (pack.interest === 'all') throw new Error('the aws-bedrock pack selects every event');
  const names = pack.interest.flatMap((selector) => (selector.eventSource === BEDROCK ? (selector.eventNames ?? []) : []));
  if (names.length === 0 || pack.interest.some((selector) => selector.eventSource !== BEDROCK || selector.eventNames === undefined)) {
    throw new Error('the aws-bedrock pack selects more than named Bedrock calls; the dataset counts only those');
  }
  return [...names].sort();
}

/** Fills in the defaults of `options`. */
export function completeOptions(options: DatasetOptions): Required<DatasetOptions> {
  return {
    records: options.records,
    bedrockShare: options.bedrockShare,
    attacks: options.attacks ?? Math.max(1, Math.round(options.records / 100_000)),
    seed: options.seed ?? 20261102,
    recordsPerFile: options.recordsPerFile ?? 1000,
    rate: options.rate ?? 200,
  };
}

/** The directory name of a dataset: its options, so a different dataset never reuses another's files. */
export function datasetName(options: Required<DatasetOptions>): string {
  return `ct-v${VERSION}-r${options.records}-b${options.bedrockShare}-a${options.attacks}-s${options.seed}-f${options.recordsPerFile}-q${Math.round(options.rate)}`;
}

/**
 * Generates (or reuses, when its manifest is there) a dataset of gzipped
 * CloudTrail delivery files under `root`, in the layout a trail writes to S3.
 * Memory holds one 5-minute delivery interval at a time.
 */
export function generateDataset(root: string, options: DatasetOptions): Manifest {
  const complete = completeOptions(options);
  const dir = join(root, datasetName(complete));
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) return JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  rmSync(dir, { recursive: true, force: true });
  const random = new Random(complete.seed);
  const world = createWorld(random, START - 86_400_000);
  const bedrock = new BedrockTraffic(random, world);
  const span = Math.max(Math.ceil(complete.records / complete.rate) * 1000, SCENARIO_SPAN);
  const scenarios = injectScenarios(random, START, span, complete.attacks);
  const pending = [...scenarios.records].sort((a, b) => String(a['eventTime']).localeCompare(String(b['eventTime'])));
  let background = Math.max(0, complete.records - pending.length);
  const stats = { files: 0, records: 0, rawBytes: 0, gzipBytes: 0, bedrockRecords: 0, interestingRecords: 0 };
  let slot = START;
  for (; background > 0 || pending.length > 0; slot += DELIVERY_INTERVAL) {
    const count = Math.min(background, Math.round((complete.rate * DELIVERY_INTERVAL) / 1000));
    background -= count;
    const records = backgroundSlot(random, world, bedrock, complete.bedrockShare, slot, count);
    while (pending.length > 0 && Date.parse(String(pending[0]!['eventTime'])) < slot + DELIVERY_INTERVAL) records.push(pending.shift()!);
    writeSlot(random, dir, slot, records, complete.recordsPerFile, stats);
  }
  const manifest: Manifest = {
    version: VERSION,
    options: complete,
    dir,
    ...stats,
    interestingNames: INTERESTING_NAMES,
    expected: scenarios.expected,
    start: isoSeconds(START),
    end: isoSeconds(slot),
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

function backgroundSlot(random: Random, world: World, bedrock: BedrockTraffic, share: number, slot: number, count: number): Json[] {
  const records: Json[] = [];
  for (let i = 0; i < count; i++) {
    const time = slot + random.int(DELIVERY_INTERVAL / 1000) * 1000;
    const roll = random.next();
    if (roll < share) records.push(bedrock.record(world.bedrockPartitions.pick(random), time));
    else if (roll < share * 1.1) records.push(bedrock.mention(world.bedrockPartitions.pick(random), time));
    else records.push(backgroundRecord(random, world, world.partitions.pick(random), time));
  }
  return records;
}

function backgroundRecord(random: Random, world: World, partition: Partition, time: number): Json {
  const kind = actorKinds.pick(random);
  const actor = random.pick(world.actors.get(partition.account)![kind]);
  const call = backgroundCalls[kind].pick(random);
  const context = { random, account: partition.account, region: partition.region };
  const error = random.chance(0.03) ? random.pick(backgroundErrors) : undefined;
  return buildRecord(random, actor, {
    time,
    region: partition.region,
    source: call.source,
    name: call.name,
    readOnly: call.readOnly,
    params: call.params?.(context) ?? null,
    response: call.response?.(context) ?? null,
    ...(call.resources ? { resources: call.resources(context) } : {}),
    ...(error ? { error } : {}),
  });
}

function writeSlot(random: Random, dir: string, slot: number, records: Json[], perFile: number, stats: { files: number; records: number; rawBytes: number; gzipBytes: number; bedrockRecords: number; interestingRecords: number }): void {
  const byPartition = new Map<string, Json[]>();
  for (const record of records) {
    const key = `${String(record['recipientAccountId'])}|${String(record['awsRegion'])}`;
    let list = byPartition.get(key);
    if (list === undefined) byPartition.set(key, (list = []));
    list.push(record);
    if (record['eventSource'] === BEDROCK) {
      stats.bedrockRecords++;
      if (INTERESTING.has(String(record['eventName']))) stats.interestingRecords++;
    }
  }
  const end = isoSeconds(slot + DELIVERY_INTERVAL);
  const stamp = end.replace(/[-:]/g, '').replace(/00Z$/, 'Z');
  const day = end.slice(0, 10).replace(/-/g, '/');
  for (const key of [...byPartition.keys()].sort()) {
    const list = byPartition.get(key)!.sort((a, b) => String(a['eventTime']).localeCompare(String(b['eventTime'])));
    const [account, region] = key.split('|') as [string, string];
    for (let from = 0; from < list.length; from += perFile) {
      const text = JSON.stringify({ Records: list.slice(from, from + perFile) });
      const gz = gzipSync(text);
      const path = join(dir, 'AWSLogs', account, 'CloudTrail', region, day, `${account}_CloudTrail_${region}_${stamp}_${random.upper(16)}.json.gz`);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, gz);
      stats.files++;
      stats.records += Math.min(perFile, list.length - from);
      stats.rawBytes += Buffer.byteLength(text);
      stats.gzipBytes += gz.length;
    }
  }
}

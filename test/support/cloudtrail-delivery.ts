import type { CloudTrailRecord } from '@jackwatch/core';
import { assumedRole, cloudTrailRecord, iamUser, seededRandom } from '@jackwatch/core/testing';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';

const MINUTE = 60_000;
const DAY = 86_400_000;

/** One CloudTrail delivery file: its S3 key, its records and the gzipped `{"Records":[…]}` body. */
export interface DeliveryFile {
  readonly key: string;
  readonly time: number;
  readonly account: string;
  readonly region: string;
  readonly records: CloudTrailRecord[];
  body(): Buffer;
}

/** The shape of a generated trail. */
export interface TrailSpec {
  readonly accounts: readonly string[];
  readonly regions: readonly string[];
  /** First day, UTC midnight (epoch ms). */
  readonly start: number;
  readonly days: number;
  /** Delivery files per account, region and day (CloudTrail writes one every ~5 minutes per region when busy). */
  readonly filesPerDay: number;
  readonly recordsPerFile: number;
  /** The trail's key prefix, e.g. `org/` (default none). */
  readonly prefix?: string;
  readonly organizationId?: string;
  readonly seed?: string;
}

/** A call inserted into the trail at a place and time. */
export interface PlantedRecord {
  readonly account: string;
  readonly region: string;
  readonly record: CloudTrailRecord;
}

/**
 * Generates an organization trail's delivery files
 * (`[prefix]AWSLogs/[o-…/]<account>/CloudTrail/<region>/YYYY/MM/DD/<account>_CloudTrail_<region>_<YYYYMMDDTHHMMZ>_<id>.json.gz`),
 * each holding the records of the interval before its file time: background
 * calls of many services and principals (including near misses: Bedrock
 * calls by roles with temporary keys), plus the `planted` records, each put
 * in the file of its partition and time.
 */
export function organizationTrail(spec: TrailSpec, planted: readonly PlantedRecord[] = []): DeliveryFile[] {
  const random = seededRandom(spec.seed ?? 'trail');
  const interval = DAY / spec.filesPerDay;
  const files = new Map<string, DeliveryFile[]>();
  const all: DeliveryFile[] = [];
  spec.accounts.forEach((account, a) =>
    spec.regions.forEach((region, r) => {
      // Partitions deliver at different minutes, as real regions do.
      const offset = ((a * spec.regions.length + r) * 7 * MINUTE) % interval;
      const partition: DeliveryFile[] = [];
      for (let k = 1; k <= spec.days * spec.filesPerDay; k++) {
        const time = spec.start + (k - 1) * interval + offset + MINUTE;
        const records = Array.from({ length: spec.recordsPerFile }, (_, i) => noise(account, region, time - interval + ((i + 1) * interval) / (spec.recordsPerFile + 1), random));
        const file = deliveryFile(spec, account, region, time, records, random);
        partition.push(file);
        all.push(file);
      }
      files.set(`${account}/${region}`, partition);
    }),
  );
  for (const { account, region, record } of planted) {
    const time = Date.parse(record.eventTime!);
    const target = files.get(`${account}/${region}`)?.find((file) => time <= file.time && time > file.time - interval);
    if (!target) throw new Error(`no delivery file of ${account}/${region} covers ${record.eventTime}`);
    target.records.push(record);
    target.records.sort((x, y) => Date.parse(x.eventTime!) - Date.parse(y.eventTime!));
  }
  return all;
}

/** Rule A's true positive: an IAM user's long-term (AKIA) key lists the Bedrock models, then invokes one two minutes later. */
export function enumThenInvoke(account: string, region: string, time: number, userName = 'ci-deploy'): PlantedRecord[] {
  const identity = iamUser({ account, userName });
  const common = { identity, region, sourceIp: '185.220.101.34', userAgent: 'python-requests/2.31.0' };
  return [
    { account, region, record: cloudTrailRecord({ ...common, time, action: 'ListFoundationModels', seed: `enum|${account}|${region}|${time}` }) },
    { account, region, record: cloudTrailRecord({ ...common, time: time + 2 * MINUTE, action: 'InvokeModel', seed: `invoke|${account}|${region}|${time}` }) },
  ];
}

/** Rule B: a non-admin deletes the Bedrock model-invocation logging configuration. */
export function loggingDeletion(account: string, region: string, time: number): PlantedRecord[] {
  const identity = assumedRole({ account, roleName: 'data-science', sessionName: 'mallory' });
  return [{ account, region, record: cloudTrailRecord({ identity, region, time, action: 'DeleteModelInvocationLoggingConfiguration', seed: `delete|${account}|${time}` }) }];
}

/** Rule C: ten denied ListFoundationModels calls from one user and IP within half an hour. */
export function listModelsFailures(account: string, region: string, time: number, count = 10): PlantedRecord[] {
  const identity = iamUser({ account, userName: 'intern' });
  return Array.from({ length: count }, (_, i) => ({
    account,
    region,
    record: cloudTrailRecord({ identity, region, time: time + i * 3 * MINUTE, action: 'ListFoundationModels', errorCode: 'AccessDenied', sourceIp: '203.0.113.99', seed: `denied|${account}|${time}|${i}` }),
  }));
}

/** Writes the files under `dir`, at their S3 keys, for the file source to read the very same objects. */
export async function writeDeliveryTree(dir: string, files: readonly DeliveryFile[]): Promise<void> {
  for (const file of files) {
    const path = join(dir, file.key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, file.body());
  }
}

function deliveryFile(spec: TrailSpec, account: string, region: string, time: number, records: CloudTrailRecord[], random: () => number): DeliveryFile {
  const iso = new Date(time).toISOString();
  const day = `${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`;
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}Z`;
  const id = Array.from({ length: 16 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(random() * 62)]).join('');
  const base = `${spec.prefix ?? ''}AWSLogs/${spec.organizationId ? `${spec.organizationId}/` : ''}${account}/CloudTrail/${region}/${day}/`;
  return { key: `${base}${account}_CloudTrail_${region}_${stamp}_${id}.json.gz`, time, account, region, records, body: () => gzipSync(JSON.stringify({ Records: records })) };
}

const NOISE = [
  { source: 'ec2.amazonaws.com', action: 'DescribeInstances' },
  { source: 'sts.amazonaws.com', action: 'GetCallerIdentity' },
  { source: 's3.amazonaws.com', action: 'ListBuckets' },
  { source: 'iam.amazonaws.com', action: 'ListUsers' },
  { source: 'kms.amazonaws.com', action: 'Decrypt' },
  { source: 'logs.amazonaws.com', action: 'CreateLogStream' },
  // Near misses: Bedrock calls with temporary keys, which rule A must ignore.
  { source: 'bedrock.amazonaws.com', action: 'ListFoundationModels' },
  { source: 'bedrock.amazonaws.com', action: 'InvokeModel' },
] as const;

function noise(account: string, region: string, time: number, random: () => number): CloudTrailRecord {
  const call = NOISE[Math.floor(random() * NOISE.length)]!;
  const identity = assumedRole({ account, roleName: `app-${Math.floor(random() * 5)}`, sessionName: `i-${Math.floor(random() * 1e8).toString(16)}` });
  return cloudTrailRecord({ identity, region, time: Math.floor(time / 1000) * 1000, source: call.source, action: call.action, seed: `noise|${account}|${region}|${time}|${random()}` });
}

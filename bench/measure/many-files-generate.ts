/**
 * Writes a tree of many small CloudTrail delivery files in S3's layout
 * (`AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<name>.json.gz`),
 * 17 regions, a file every 5 minutes each, as one trail delivers them: most
 * hold no record (`{"Records":[]}`), one in `withRecordEvery` holds one
 * `sts:GetCallerIdentity` call. Generated once per count and reused.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What {@link generateManyFiles} wrote. */
export interface ManyFilesDataset {
  /** The `AWSLogs` directory to give the file source. */
  readonly dir: string;
  readonly files: number;
  /** Records in all the files (one per non-empty file). */
  readonly records: number;
}

const ACCOUNT = '111122223333';
const REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ca-central-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1',
  'eu-north-1', 'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2', 'sa-east-1',
];
const START = Date.UTC(2026, 10, 1);

/** Writes `files` delivery files under `root` (once: a complete tree of that count is reused). */
export function generateManyFiles(root: string, files: number, withRecordEvery = 100): ManyFilesDataset {
  const base = join(root, `many-files-${files}`);
  const dir = join(base, 'AWSLogs');
  const done = join(base, '.complete');
  const records = Math.ceil(files / withRecordEvery);
  if (existsSync(done)) return { dir, files, records };
  const empty = gzipSync('{"Records":[]}');
  const folders = new Set<string>();
  for (let i = 0; i < files; i++) {
    const region = REGIONS[i % REGIONS.length]!;
    const slot = Math.floor(i / REGIONS.length);
    const end = new Date(START + (slot + 1) * 300_000);
    const day = end.toISOString().slice(0, 10).replaceAll('-', '/');
    const stamp = end.toISOString().replace(/[-:]/g, '').slice(0, 13) + 'Z';
    const folder = join(dir, ACCOUNT, 'CloudTrail', region, day);
    if (!folders.has(folder)) mkdirSync(folders.add(folder) && folder, { recursive: true });
    const name = `${ACCOUNT}_CloudTrail_${region}_${stamp}_${i.toString(36).padStart(16, '0')}.json.gz`;
    writeFileSync(join(folder, name), i % withRecordEvery === 0 ? gzipSync(JSON.stringify({ Records: [record(i, region, end)] })) : empty);
  }
  writeFileSync(done, `${files}\n`);
  return { dir, files, records };
}

function record(i: number, region: string, end: Date): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    userIdentity: { type: 'IAMUser', principalId: 'AIDAEXAMPLE', arn: `arn:aws:iam::${ACCOUNT}:user/ci`, accountId: ACCOUNT, accessKeyId: 'AKIAEXAMPLEKEY000001', userName: 'ci' },
    eventTime: new Date(end.getTime() - 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: 'sts.amazonaws.com',
    eventName: 'GetCallerIdentity',
    awsRegion: region,
    sourceIPAddress: '198.51.100.7',
    userAgent: 'aws-cli/2.15.0',
    requestParameters: null,
    responseElements: null,
    requestID: `req-${i}`,
    eventID: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
    readOnly: true,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
  };
}

import type { S3Client } from '@aws-sdk/client-s3';
import type { RetryOptions } from '../aws/retry-aws.ts';
import { listFolders } from './list-folders.ts';
import { type Partition, flatPartition, trailPartition } from './partition.ts';

/** The layout options of the `s3` source that decide what to list. */
export interface LayoutOptions {
  readonly bucket: string;
  readonly prefix: string;
  readonly layout: 'cloudtrail' | 'flat';
  readonly organizationId?: string | undefined;
  readonly accounts?: readonly string[] | undefined;
  readonly regions?: readonly string[] | undefined;
}

const ACCOUNT_FOLDER = /^\d{12}$/;
const ORGANIZATION_FOLDER = /^o-[a-z0-9]{10,32}$/;

/** True when `organizationId`, `accounts` and `regions` are all set, so nothing needs discovering. */
export function isFullyConfigured(options: LayoutOptions): boolean {
  return options.layout === 'flat' || (options.organizationId !== undefined && options.accounts !== undefined && options.regions !== undefined);
}

/** The trail's `AWSLogs/` folder under the configured key prefix. */
export function awsLogsRoot(prefix: string): string {
  return `${prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`}AWSLogs/`;
}

/**
 * The partitions to list: one per account and region of the trail layout
 * (`[prefix/]AWSLogs/[o-…/]<account>/CloudTrail/<region>/`), or the single
 * prefix of the flat layout. What is not configured is discovered with
 * delimiter listings — organization folders, then accounts, then regions —
 * and what is configured filters what is found. Digest and Insights folders
 * are never partitions: they sit beside `CloudTrail/`, not under it.
 */
export async function discoverPartitions(s3: S3Client, options: LayoutOptions, retry: RetryOptions): Promise<Partition[]> {
  if (options.layout === 'flat') return [flatPartition(options.prefix)];
  const root = awsLogsRoot(options.prefix);
  const bases = await organizationBases(s3, options, root, retry);
  const partitions: Partition[] = [];
  for (const base of bases) {
    const accounts = options.accounts && isFullyConfigured(options) ? options.accounts : await discoveredAccounts(s3, options, base, retry);
    for (const account of accounts) {
      const regions = options.regions && isFullyConfigured(options) ? options.regions : await discoveredRegions(s3, options, `${base}${account}/CloudTrail/`, retry);
      for (const region of regions) partitions.push(trailPartition(base, account, region));
    }
  }
  return partitions;
}

async function organizationBases(s3: S3Client, options: LayoutOptions, root: string, retry: RetryOptions): Promise<string[]> {
  if (options.organizationId !== undefined) return [`${root}${options.organizationId}/`];
  const organizations = (await listFolders(s3, options.bucket, root, retry)).filter((name) => ORGANIZATION_FOLDER.test(name));
  return [root, ...organizations.map((organization) => `${root}${organization}/`)];
}

async function discoveredAccounts(s3: S3Client, options: LayoutOptions, base: string, retry: RetryOptions): Promise<string[]> {
  const found = (await listFolders(s3, options.bucket, base, retry)).filter((name) => ACCOUNT_FOLDER.test(name));
  return options.accounts ? found.filter((account) => options.accounts!.includes(account)) : found;
}

async function discoveredRegions(s3: S3Client, options: LayoutOptions, base: string, retry: RetryOptions): Promise<string[]> {
  const found = await listFolders(s3, options.bucket, base, retry);
  return options.regions ? found.filter((region) => options.regions!.includes(region)) : found;
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/run-cli.ts';

/** One statement of an identity-based IAM policy, as the docs ship it. */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
  readonly Condition?: Record<string, unknown>;
}

/** An IAM policy document. */
export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatement[];
}

/** The policy of each source mode, by file under docs/iam. */
export const POLICY_FILES = {
  's3 poll': 's3-poll.json',
  's3 via SQS (KMS-encrypted trails)': 's3-sqs-kms.json',
  'cloudwatch-logs pull': 'cloudwatch-logs-pull.json',
  'cloudwatch-logs Live Tail': 'cloudwatch-logs-live-tail.json',
} as const;

/** A source mode with a shipped policy. */
export type SourceMode = keyof typeof POLICY_FILES;

/** Reads docs/iam/`file` as a policy document. */
export async function readPolicy(file: string): Promise<PolicyDocument> {
  return JSON.parse(await readFile(join(REPO_ROOT, 'docs/iam', file), 'utf8')) as PolicyDocument;
}

/** Every action a policy allows (no wildcards: the shipped policies name each action). */
export function allowedActions(policy: PolicyDocument): Set<string> {
  return new Set(policy.Statement.filter((s) => s.Effect === 'Allow').flatMap((s) => (typeof s.Action === 'string' ? [s.Action] : s.Action)));
}

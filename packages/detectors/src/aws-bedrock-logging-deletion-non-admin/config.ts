import { globPatternSchema } from '@jackwatch/core';
import { z } from 'zod';

/**
 * The default `admins`: any IAM user, role, role session or federated user
 * whose name contains `admin`, in any case (for a role session: the role's
 * name, never the session name, which the caller chooses freely). Because
 * `*` spans `/`, a user or role under an IAM path containing `admin` counts too.
 */
export const DEFAULT_ADMIN_PATTERNS: readonly string[] = [
  'arn:*:iam::*:user/*admin*',
  'arn:*:iam::*:role/*admin*',
  'arn:*:sts::*:assumed-role/*admin*/*',
  'arn:*:sts::*:federated-user/*admin*',
];

/**
 * Options of `aws-bedrock-logging-deletion-non-admin`.
 *
 * @example `detectors: { aws-bedrock-logging-deletion-non-admin: { admins: ["arn:aws:iam::123456789012:role/platform-*"] } }`
 */
export const nonAdminDeletionConfigSchema = z.strictObject({
  /**
   * Principal-ARN glob patterns of administrators (case-insensitive, `*` spans `/`), tested against
   * `userIdentity.arn` and, for a role session, the session issuer's role ARN. `[]`: nobody is an admin.
   */
  admins: z.array(globPatternSchema.min(1)).default([...DEFAULT_ADMIN_PATTERNS]),
});

/** Parsed options of `aws-bedrock-logging-deletion-non-admin`. */
export type NonAdminDeletionConfig = z.output<typeof nonAdminDeletionConfigSchema>;

import type { DetectorFactory } from '@jackwatch/core';
import { nonAdminDeletionConfigSchema, type NonAdminDeletionConfig } from './config.ts';
import { NON_ADMIN_DELETION_ID } from './meta.ts';
import { nonAdminDeletionRule } from './rule.ts';

/**
 * Factory of `aws-bedrock-logging-deletion-non-admin` (rule B, medium): a
 * Bedrock logging deletion attempt by a principal outside `admins`.
 *
 * @example `detectors: { aws-bedrock-logging-deletion-non-admin: { admins: ["arn:aws:iam::*:role/platform-*"] } }`
 */
export const nonAdminDeletionFactory: DetectorFactory<NonAdminDeletionConfig> = {
  kind: 'detector',
  type: NON_ADMIN_DELETION_ID,
  stability: 'beta',
  description: 'An attempt to delete the Bedrock model invocation logging configuration by a principal that is not an administrator',
  configSchema: nonAdminDeletionConfigSchema,
  create: (config, context) => nonAdminDeletionRule(config, { id: context.id, telemetry: context.telemetry }),
};

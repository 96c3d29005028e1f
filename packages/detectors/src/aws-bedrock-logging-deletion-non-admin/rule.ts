import { match, type Detector, type Telemetry } from '@jackwatch/core';
import { loggingDeletionCall, loggingDeletionContent } from '../aws-bedrock-logging-deletion/rule.ts';
import { adminMatcher } from './admin-matcher.ts';
import type { NonAdminDeletionConfig } from './config.ts';
import { nonAdminDeletionMeta } from './meta.ts';

/** Rule B (medium): one finding per logging deletion, any outcome, by a principal outside `admins`. */
export function nonAdminDeletionRule(config: NonAdminDeletionConfig, options: { id?: string; telemetry?: Telemetry } = {}): Detector {
  const isAdmin = adminMatcher(config.admins);
  return match({
    meta: nonAdminDeletionMeta,
    ...options,
    select: loggingDeletionCall,
    where: (e) => !isAdmin(e),
    finding: (e) => {
      const content = loggingDeletionContent(e);
      return { ...content, summary: `${content.summary} (not an administrator)`, details: { ...content.details, administrator: false } };
    },
  });
}

export { nonAdminDeletionFactory } from './factory.ts';
export { nonAdminDeletionConfigSchema, DEFAULT_ADMIN_PATTERNS } from './config.ts';
export type { NonAdminDeletionConfig } from './config.ts';
export { nonAdminDeletionMeta, NON_ADMIN_DELETION_ID } from './meta.ts';
export { nonAdminDeletionRule } from './rule.ts';
export { adminMatcher } from './admin-matcher.ts';

import { createRequire } from 'node:module';

/** The version of `@jackwatch/core` that is running, from its package.json (what plugins' peer ranges are checked against). */
export const CORE_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

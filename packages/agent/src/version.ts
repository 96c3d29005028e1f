import { createRequire } from 'node:module';

/** The agent's version, from its package.json. */
export const AGENT_VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

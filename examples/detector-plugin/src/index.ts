/**
 * `@acme/jackwatch-bedrock-new-origin` — a jackwatch detector plugin: Bedrock
 * invoked by a long-term key from an IP or user agent not seen for that key
 * in the last 7 days. Name it under `plugins:` in a jackwatch config.
 *
 * @packageDocumentation
 */
import { createRequire } from 'node:module';
import { definePlugin } from '@jackwatch/core';
import { newOriginFactory } from './bedrock-new-origin/index.ts';

export { newOriginFactory, newOriginConfigSchema, newOriginMeta, newOriginRule, userAgentProduct, NEW_ORIGIN_ID } from './bedrock-new-origin/index.ts';
export type { NewOriginConfig } from './bedrock-new-origin/index.ts';
export { newTerms } from './new-terms/index.ts';
export type { NewTermsSpec, NewTermsMatch, KnownValue } from './new-terms/index.ts';

/** The plugin manifest the jackwatch agent loads. `apiVersion` is the plugin API this release was written for. */
const plugin = definePlugin({
  name: '@acme/jackwatch-bedrock-new-origin',
  // Read from package.json (one level up from src/ and from dist/), so the manifest never drifts from the release.
  version: (createRequire(import.meta.url)('../package.json') as { version: string }).version,
  apiVersion: 1,
  description: 'Bedrock invoked by a long-term key from a new IP or user agent',
  components: [newOriginFactory],
});

export default plugin;

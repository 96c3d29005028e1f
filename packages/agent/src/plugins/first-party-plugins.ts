import { definePlugin, filterProcessorFactory, PLUGIN_API_VERSION, type PluginManifest } from '@jackwatch/core';
import { bedrockComponents } from '@jackwatch/detectors';
import { sigmaDetectors } from '@jackwatch/sigma';
import { builtInSinks } from '@jackwatch/sinks';
import { builtInSources } from '@jackwatch/sources';
import { AGENT_VERSION } from '../version.ts';

// First-party packages are released together, so they share the agent's version.
// They target the current API by construction: they are built with this core.

/**
 * The agent's own components as plugin manifests: registered through the
 * same validation and registration path as third-party plugins.
 */
export const firstPartyPlugins: readonly PluginManifest[] = [
  definePlugin({ name: '@jackwatch/core', version: AGENT_VERSION, apiVersion: PLUGIN_API_VERSION, description: 'built-in processors', components: [filterProcessorFactory] }),
  definePlugin({ name: '@jackwatch/sources', version: AGENT_VERSION, apiVersion: PLUGIN_API_VERSION, description: 'file, s3, cloudwatch-logs', components: builtInSources }),
  definePlugin({ name: '@jackwatch/detectors', version: AGENT_VERSION, apiVersion: PLUGIN_API_VERSION, description: 'the Bedrock LLMjacking rules and the aws-bedrock pack', components: bedrockComponents }),
  definePlugin({ name: '@jackwatch/sigma', version: AGENT_VERSION, apiVersion: PLUGIN_API_VERSION, description: 'Sigma rules for CloudTrail', components: sigmaDetectors }),
  definePlugin({ name: '@jackwatch/sinks', version: AGENT_VERSION, apiVersion: PLUGIN_API_VERSION, description: 'stdout, webhook, otlp', components: builtInSinks }),
];

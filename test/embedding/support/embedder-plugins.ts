import { callbackSink, definePlugin, type Finding, type PluginManifest, type SinkFactory } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';
import { builtInSources } from '@jackwatch/sources';
import { z } from 'zod';

/** What an embedding service passes as plugins: the first-party components it uses, through the plugin path. */
export const firstParty: PluginManifest = definePlugin({ name: '@jackwatch/first-party', version: '0.1.0', apiVersion: 1, components: [...builtInSources, ...bedrockDetectors] });

/** The service's own sink, `collect`, handing findings to `into`. */
export function collectingSink(into: Finding[], onExport?: (findings: readonly Finding[]) => void): PluginManifest {
  const collect: SinkFactory<Record<string, never>> = {
    kind: 'sink',
    type: 'collect',
    stability: 'development',
    description: 'findings into an array',
    configSchema: z.strictObject({}),
    create: () =>
      callbackSink((findings) => {
        onExport?.(findings);
        into.push(...findings);
      }),
  };
  return definePlugin({ name: 'my-service-sinks', version: '1.0.0', apiVersion: 1, components: [collect] });
}

/** A config reading `logs/` under its base directory with every Bedrock rule into `collect`. */
export const EMBEDDED_CONFIG = `
sources:
  file: { paths: [logs] }
detectors:
  aws-bedrock-enum-then-invoke-long-term-key: {}
  aws-bedrock-logging-deletion: {}
  aws-bedrock-logging-deletion-non-admin: {}
  aws-bedrock-list-models-failures: {}
sinks:
  collect: {}
pipelines:
  default:
    sources: [file]
    detectors: [aws-bedrock-enum-then-invoke-long-term-key, aws-bedrock-logging-deletion, aws-bedrock-logging-deletion-non-admin, aws-bedrock-list-models-failures]
    sinks: [collect]
`;

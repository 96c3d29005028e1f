// Run in a child process by library-hygiene.test.ts: exercises the embedding
// API through its error paths and writes what happened to the file named by
// argv[2]. The test asserts this process printed nothing and exited 0.
import { writeFileSync } from 'node:fs';
import { callbackSink, ConfigError, createComponentContext, createPipelinesFromConfig, definePlugin, detect, loadFixtureEvents, type SinkFactory } from '@jackwatch/core';
import { bedrockDetectors } from '@jackwatch/detectors';
import { lastValueFrom, toArray } from 'rxjs';
import { z } from 'zod';
import { EMBEDDED_CONFIG, firstParty } from './embedder-plugins.ts';

const [out, baseDir, fixture] = process.argv.slice(2) as [string, string, string];
const report: Record<string, unknown> = {};

try {
  createPipelinesFromConfig('sources: { nope: {} }\npipelines: { default: { sources: [nope], detectors: [], sinks: [] } }\n', { plugins: [firstParty] });
} catch (error) {
  report['configError'] = error instanceof ConfigError ? error.message : `not a ConfigError: ${String(error)}`;
}

const failing: SinkFactory<Record<string, never>> = {
  kind: 'sink',
  type: 'collect',
  stability: 'development',
  description: 'a sink whose backend is down',
  configSchema: z.strictObject({}),
  create: () =>
    callbackSink(() => {
      throw new Error('backend down');
    }),
};
const pipelines = createPipelinesFromConfig(EMBEDDED_CONFIG, { plugins: [firstParty, definePlugin({ name: 'down', version: '1.0.0', apiVersion: 1, components: [failing] })], baseDir });
const [result] = await pipelines.run();
await pipelines.shutdown();
report['findings'] = result!.findings;
report['sinkFailures'] = pipelines.telemetry.total('jackwatch.sink.export.failed');
report['componentErrors'] = pipelines.telemetry.total('jackwatch.component.errors');

const missing = createPipelinesFromConfig(EMBEDDED_CONFIG.replace('paths: [logs]', 'paths: [no-such-dir]'), { plugins: [firstParty, definePlugin({ name: 'down', version: '1.0.0', apiVersion: 1, components: [failing] })], baseDir });
try {
  await missing.run();
  report['missingPath'] = 'ran';
} catch (error) {
  report['missingPath'] = error instanceof Error ? error.message : String(error);
} finally {
  await missing.shutdown();
}

const detectors = bedrockDetectors.map((f) => f.create(f.configSchema.parse({}), createComponentContext(f.type)));
report['detected'] = (await lastValueFrom(detect(await loadFixtureEvents(fixture), detectors).pipe(toArray()))).map((f) => f.detector.id);

writeFileSync(out, JSON.stringify(report));

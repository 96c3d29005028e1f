import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpGrpcReceiver } from '../../packages/sinks/src/testing/otlp-grpc-receiver.ts';
import { siteConfig, siteDir } from '../plugins/support/site.ts';
import { withBuildLock } from './support/build-lock.ts';
import { installExamplePlugin, installPacked, packageSingleExecutable, packPackages } from './support/packed-release.ts';
import { copyQuickstart, expectQuickstartFindings } from './support/quickstart-site.ts';
import { runProgram } from './support/run-program.ts';
import { singleExecutableUnsupported } from './support/sea-support.ts';

const unsupported = singleExecutableUnsupported();
if (unsupported !== undefined) console.warn(`single executable tests skipped: ${unsupported}`);

let site: string;
let executable: string;
let config: string;

describe.skipIf(unsupported !== undefined)('the agent as a single executable (npm run package)', () => {
  beforeAll(async () => {
    site = await siteDir('jackwatch-sea-');
    executable = await withBuildLock(packageSingleExecutable);
    config = await copyQuickstart(site);
  }, 900_000);

  afterAll(() => rm(site, { recursive: true, force: true }));

  it('runs the quickstart from a directory outside the repository, and knows its version', async () => {
    expectQuickstartFindings(await runProgram(executable, ['run', '--config', config], { cwd: site }));
    const version = await runProgram(executable, ['--version'], { cwd: site });
    expect(version.stdout.split('\n')[0]).toBe('jackwatch 0.1.0');
    expect(version.stdout).toContain('@jackwatch/core 0.1.0');
  });

  it('starts the file source decode workers from the embedded worker, in a private temporary directory removed at exit', async () => {
    const workersConfig = join(site, 'quickstart/workers.yaml');
    await writeFile(workersConfig, (await readFile(config, 'utf8')).replace('paths: [./logs]', 'paths: [./logs]\n    workers: 2'));
    // Node's own debug log of worker threads says which script each worker started.
    const result = await runProgram(executable, ['run', '--config', workersConfig], { cwd: site, env: { NODE_DEBUG: 'worker' } });
    expectQuickstartFindings(result);
    const started = [...result.stderr.matchAll(/starts worker script (\S+)/g)].map((m) => m[1]!);
    expect(started).toHaveLength(2);
    expect(new Set(started).size).toBe(1);
    expect(started[0]).toMatch(/[\\/]jackwatch-[^\\/]+[\\/]decode-worker\.js$/);
    expect(started[0]!.startsWith(site)).toBe(false);
    expect(existsSync(started[0]!), 'the temporary worker file is removed at exit').toBe(false);
    expect(result.stderr).not.toMatch(/decode worker exited|could not start/);
  });

  it('delivers the findings over OTLP/gRPC: the bundled gRPC client and OpenTelemetry exporter work', async () => {
    const receiver = await OtlpGrpcReceiver.start();
    try {
      const otlpConfig = join(site, 'quickstart/otlp.yaml');
      const text = (await readFile(config, 'utf8')).replace(/sinks:\n  stdout:\n    format: json/, `sinks:\n  otlp:\n    endpoint: ${receiver.endpoint}\n    protocol: grpc`).replace('sinks: [stdout]', 'sinks: [otlp]');
      await writeFile(otlpConfig, text);
      const result = await runProgram(executable, ['run', '--config', otlpConfig], { cwd: site });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('sink otlp: delivered 13');
      expect(receiver.acceptedRecords()).toHaveLength(13);
    } finally {
      await receiver.close();
    }
  });

  it('loads a plugin installed next to the config, together with the @jackwatch/core it imports', async () => {
    const pluginSite = join(site, 'plugin-site');
    await mkdir(join(pluginSite, 'tarballs'), { recursive: true });
    // The release's core tarball and the plugin's dependency (zod) installed by npm, then the plugin as npm lays it out.
    const [core] = await withBuildLock(() => packPackages(join(pluginSite, 'tarballs'), ['core']));
    await installPacked(pluginSite, [core!]);
    const plugin = await installExamplePlugin(pluginSite);
    const detectors = ['acme-bedrock-new-origin', 'aws-bedrock-enum-then-invoke-long-term-key'];
    await writeFile(join(pluginSite, 'jackwatch.yaml'), siteConfig([plugin], detectors).replace('paths: [events.ndjson]', 'paths: [../quickstart/logs]'));
    const result = await runProgram(executable, ['run', '--config', join(pluginSite, 'jackwatch.yaml')], { cwd: pluginSite });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/findings: acme-bedrock-new-origin \d+, aws-bedrock-enum-then-invoke-long-term-key 1/);
  }, 300_000);

  it('gives the same exit code 2 and message as the installed agent on a bad config', async () => {
    const bad = join(site, 'bad.yaml');
    await writeFile(bad, 'sources:\n  file: { pahts: [./logs] }\n');
    const result = await runProgram(executable, ['validate', '--config', bad], { cwd: site });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('did you mean "paths"');
  });
});

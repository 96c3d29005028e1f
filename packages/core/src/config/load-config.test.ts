import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from './config-error.ts';
import { loadConfig } from './load-config.ts';
import { createTestRegistry } from './testdata/test-registry.ts';

const testdata = join(dirname(fileURLToPath(import.meta.url)), 'testdata');
const env = { TRAIL_BUCKET: 'org-trail', SLACK_WEBHOOK_URL: 'https://hooks.slack.test/services/T0/B0/secret' };

describe('loadConfig', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-config-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads the example config with defaults filled and paths resolved against its directory', async () => {
    const file = join(testdata, 'valid.yaml');
    const config = await loadConfig(file, createTestRegistry(), { env });
    expect(config.file).toBe(file);
    expect(config.baseDir).toBe(testdata);
    expect(config.service).toEqual({ checkpoints: { store: 'file', dir: join(testdata, 'state/checkpoints') }, logs: { level: 'debug', format: 'json' }, telemetry: { metrics: { readers: [] } } });
    expect(config.sources.get('s3/prod')).toMatchObject({
      kind: 'source',
      type: 's3',
      name: 'prod',
      config: { bucket: 'org-trail', prefix: 'AWSLogs/', region: 'us-east-1', maxObjectSize: 64 * 1024 * 1024 },
      policy: undefined,
    });
    expect(config.detectors.get('aws-bedrock-list-models-failures')).toMatchObject({
      config: { window: 3_600_000, threshold: 9 },
      policy: { suppress: { by: ['user'], for: 3_600_000 }, exceptions: [] },
    });
    expect(config.sinks.get('webhook/slack')?.config).toMatchObject({ url: env.SLACK_WEBHOOK_URL, timeout: 10_000 });
    expect(config.pipelines.get('default')).toEqual({
      id: 'default',
      sources: ['s3/prod', 'file'],
      processors: [],
      detectors: ['aws-bedrock-enum-then-invoke-long-term-key', 'aws-bedrock-list-models-failures'],
      sinks: ['stdout', 'webhook/slack'],
      allowedLateness: 900_000,
      ordering: { lateness: 300_000 },
      evidence: 'full',
    });
    expect(config.warnings).toEqual([]);
  });

  it('reports every problem of a bad file at its line, with suggestions', async () => {
    const file = join(testdata, 'invalid.yaml');
    const error = await loadConfig(file, createTestRegistry(), { env: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message.split('\n')).toEqual([
      `${file}:2:3: sources.s3/prod.bucket: is required`,
      `${file}:3:5: sources.s3/prod.bukcet: unknown key "bukcet"; did you mean "bucket"?`,
      `${file}:5:47: detectors.aws-bedrock-list-models-failures.window: "1 hour" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d`,
      `${file}:12:13: pipelines.default.sinks[0]: unknown sink "stdot": it is not defined in "sinks"; did you mean "stdout"?`,
    ]);
  });

  it('resolves the default checkpoint directory next to a config in a temporary directory', async () => {
    const file = join(dir, 'jackwatch.yaml');
    await writeFile(file, 'sources: { file: { paths: [x] } }\ndetectors: { aws-bedrock-enum-then-invoke-long-term-key: }\nsinks: { stdout: }\npipelines: { main: { sources: [file], detectors: [aws-bedrock-enum-then-invoke-long-term-key], sinks: [stdout] } }\n');
    const config = await loadConfig(file, createTestRegistry(), { env: {} });
    expect(config.service.checkpoints).toEqual({ store: 'file', dir: resolve(dir, '.jackwatch/checkpoints') });
    expect(config.service.logs).toEqual({ level: 'info', format: 'text' });
    expect(config.detectors.get('aws-bedrock-enum-then-invoke-long-term-key')).toMatchObject({ config: { maxSpan: 900_000 }, policy: { exceptions: [] } });
  });

  it('names the file when it cannot be read', async () => {
    const file = join(dir, 'missing.yaml');
    await expect(loadConfig(file, createTestRegistry())).rejects.toThrow(`${file}: cannot read the file: no such file`);
  });
});

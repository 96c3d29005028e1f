import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/component-registry.ts';
import { ConfigError } from './config-error.ts';
import { parseConfigText } from './parse-config-text.ts';
import { resolveConfig, resolveConfigObject } from './resolve-config.ts';
import { configError, issueLines, lines, minimal, resolveYaml } from './testdata/config-test-helpers.ts';
import { createTestRegistry } from './testdata/test-registry.ts';

describe('resolveConfig: structure and service', () => {
  it('fills every default of a minimal config', () => {
    const config = resolveYaml(minimal());
    expect(config.baseDir).toBe('/cfg');
    expect(config.plugins).toEqual([]);
    expect(config.service).toEqual({ checkpoints: { store: 'file', dir: '/cfg/.jackwatch/checkpoints' }, logs: { level: 'info', format: 'text' }, telemetry: { metrics: { readers: [] } } });
    expect(config.sources.get('file')?.config).toEqual({ paths: ['./logs'], pollInterval: 5_000, maxBatch: 1000 });
    expect(config.processors.size).toBe(0);
    expect(config.sinks.get('stdout')).toMatchObject({ id: 'stdout', kind: 'sink', type: 'stdout', name: undefined, config: { format: 'json' }, policy: undefined });
    expect(config.pipelines.get('default')).toMatchObject({ processors: [], allowedLateness: 900_000, ordering: undefined, evidence: 'full' });
  });

  it('accepts empty values for optional sections and components', () => {
    const config = resolveYaml(lines('plugins:', 'service:', 'processors:', 'sources: { file: { paths: [x] } }', 'detectors:', '  aws-bedrock-enum-then-invoke-long-term-key:', 'sinks:', '  stdout:', 'pipelines:', '  p: { sources: [file], detectors: [aws-bedrock-enum-then-invoke-long-term-key], sinks: [stdout] }'));
    expect(config.sinks.get('stdout')?.config).toEqual({ format: 'json' });
    expect(config.service.logs.level).toBe('info');
  });

  it('reads service settings and in-memory checkpoints', () => {
    const config = resolveYaml(minimal('service: { checkpoints: { memory: true }, logs: { level: warn, format: json } }'));
    expect(config.service).toEqual({ checkpoints: { store: 'memory' }, logs: { level: 'warn', format: 'json' }, telemetry: { metrics: { readers: [] } } });
  });

  it('reads metric readers and the health endpoint; health is off unless given', () => {
    const config = resolveYaml(
      minimal(
        'service: { telemetry: { metrics: { readers: [ { periodic: { interval: 15s, exporter: { otlp: { endpoint: "http://c:4318" } } } }, { pull: { exporter: { prometheus: {} } } } ] } }, health: { endpoint: "[::1]:0" } }',
      ),
    );
    expect(config.service.telemetry.metrics.readers).toEqual([
      { kind: 'periodic', interval: 15_000, otlp: { endpoint: 'http://c:4318' } },
      { kind: 'pull', host: '127.0.0.1', port: 9464 },
    ]);
    expect(config.service.health).toEqual({ host: '::1', port: 0 });
    expect(resolveYaml(minimal('service: { health: }')).service.health).toEqual({ host: '127.0.0.1', port: 13133 });
    expect(resolveYaml(minimal('service: {}')).service.health).toBeUndefined();
  });

  it('converts durations and reports a bad one at its line', () => {
    const config = resolveYaml(minimal('    allowedLateness: 1h', '    ordering: { lateness: 90s }'));
    expect(config.pipelines.get('default')).toMatchObject({ allowedLateness: 3_600_000, ordering: { lateness: 90_000 } });
    const ordering = resolveYaml(minimal('    allowedLateness: 2m', '    ordering: {}'));
    expect(ordering.pipelines.get('default')?.ordering).toEqual({ lateness: 120_000 });
    expect(issueLines(() => resolveYaml(minimal('    allowedLateness: 15 minutes')))).toEqual([
      '9:22 pipelines.default.allowedLateness: "15 minutes" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d',
    ]);
  });

  it('refuses bare numbers as durations, written or from the environment, rather than reading milliseconds', () => {
    expect(issueLines(() => resolveYaml(minimal('    allowedLateness: 0', '    ordering: { lateness: 90 }')))).toEqual([
      '9:22 pipelines.default.allowedLateness: a duration needs a unit: write 0s, not 0',
      '10:27 pipelines.default.ordering.lateness: 90 has no unit; write it with one, like 90s, 90m or 90h (ms and d work too)',
    ]);
    expect(issueLines(() => resolveYaml(minimal('    allowedLateness: ${env:LATENESS}'), { LATENESS: '15' }))).toEqual([
      '9:22 pipelines.default.allowedLateness: *** has no unit; write it with one, like ***s, ***m or ***h (ms and d work too)',
    ]);
    expect(resolveYaml(minimal('    allowedLateness: ${env:LATENESS}'), { LATENESS: '15m' }).pipelines.get('default')?.allowedLateness).toBe(900_000);
  });

  it('lists the first 100 errors and warnings of a huge bad config and counts the rest', () => {
    const ids = Array.from({ length: 1200 }, (_, i) => `stdout/s${i}`);
    const text = lines(
      'sources: { file: { paths: [./logs] } }',
      'detectors: { aws-bedrock-enum-then-invoke-long-term-key: {} }',
      `sinks: { ${ids.map((id) => `${id}: {}`).join(', ')} }`,
      'pipelines:',
      '  default:',
      '    sources: [file]',
      '    detectors: [aws-bedrock-enum-then-invoke-long-term-key]',
      `    sinks: [${ids.map((id) => `${id}x`).join(', ')}, stdout/s1x]`,
    );
    const error = configError(() => resolveYaml(text));
    expect(error.issues).toHaveLength(101);
    expect(error.issues[0]?.message).toBe('unknown sink "stdout/s0x": it is not defined in "sinks"; did you mean "stdout/s0"?');
    expect(error.issues.at(-1)).toEqual({ file: 'jw.yaml', path: [], line: undefined, column: undefined, message: '… and 1101 more errors' });
    const unused = resolveYaml(text.replace(/    sinks: \[.*\]/, '    sinks: [stdout/s0]')).warnings;
    expect(unused).toHaveLength(101);
    expect(unused.at(-1)?.message).toBe('… and 1099 more warnings');
  });

  it('suggests the closest key for typos at every level', () => {
    const text = minimal('servce: {}', 'service:', '  logs: { levle: debug }', '  checkpoint: { dir: x }');
    expect(issueLines(() => resolveYaml(text))).toEqual([
      '9:1 servce: unknown key "servce"; did you mean "service"?',
      '11:11 service.logs.levle: unknown key "levle"; did you mean "level"?',
      '12:3 service.checkpoint: unknown key "checkpoint"; did you mean "checkpoints"?',
    ]);
  });

  it('rejects both checkpoint stores at once, and a bad log level', () => {
    expect(issueLines(() => resolveYaml(minimal('service:', '  checkpoints: { dir: x, memory: true }', '  logs: { level: verbose }')))).toEqual([
      '10:16 service.checkpoints: give either "dir" or "memory: true", not both',
      '11:18 service.logs.level: Invalid option: expected one of "debug"|"info"|"warn"|"error"',
    ]);
  });

  it('rejects an empty file, a non-mapping, and a config without pipelines', () => {
    expect(issueLines(() => resolveYaml('# nothing\n'))).toEqual(['1:1 : the config is empty; it needs "pipelines" and the components they use']);
    expect(issueLines(() => resolveYaml('- a\n- b\n'))).toEqual(['1:1 : expected a mapping of sections at the top level, got a list']);
    expect(issueLines(() => resolveYaml('sinks: { stdout: {} }\n'))).toEqual(['1:1 pipelines: is required']);
    expect(issueLines(() => resolveYaml('pipelines: {}\n'))).toEqual(['1:12 pipelines: define at least one pipeline']);
  });

  it('collects the problems of every section into one error, in file order', () => {
    const error = configError(() =>
      resolveYaml(
        lines(
          'service: { logs: { format: xml } }',
          'sources: { s3/prod: { region: 3 } }',
          'detectors: { aws-bedrock-list-models-failures: { threshold: 0 } }',
          'sinks: { stdout: { format: pretty } }',
          'pipelines:',
          '  a: { sources: [s3/prod], detectors: [], sinks: [stdout] }',
          '  b: { sources: [s3/prod], detectors: [aws-bedrock-list-models-failures], sinks: [stdout, slack] }',
        ),
      ),
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error.issues.map((issue) => issue.line)).toEqual([1, 2, 2, 3, 6, 7]);
    expect(error.message.split('\n')).toHaveLength(6);
    expect(error.message.split('\n')[0]).toMatch(/^jw\.yaml:1:28: service\.logs\.format: /);
  });
});

describe('resolveConfig: pipelines', () => {
  it('suggests a defined id for an undefined reference', () => {
    const text = minimal().replace('sources: [file]', 'sources: [fille]').replace('sinks: [stdout]', 'sinks: [stdout, webhook]');
    expect(issueLines(() => resolveYaml(text))).toEqual([
      '6:15 pipelines.default.sources[0]: unknown source "fille": it is not defined in "sources"; did you mean "file"?',
      '8:21 pipelines.default.sinks[1]: unknown sink "webhook": it is not defined in "sinks"; expected one of "stdout"',
    ]);
  });

  it('rejects empty lists, duplicates and references into an empty section', () => {
    const text = lines(
      'sources: { file: { paths: [x] } }',
      'detectors: { aws-bedrock-enum-then-invoke-long-term-key: {} }',
      'sinks: { stdout: {} }',
      'pipelines:',
      '  a: { sources: [file, file], processors: [allowlist], detectors: [aws-bedrock-enum-then-invoke-long-term-key], sinks: [] }',
    );
    expect(issueLines(() => resolveYaml(text))).toEqual(['5:120 pipelines.a.sinks: a pipeline needs at least one sink']);
    expect(issueLines(() => resolveYaml(text.replace('sinks: [] ', 'sinks: [stdout] ')))).toEqual([
      '5:24 pipelines.a.sources[1]: source "file" is listed twice',
      '5:44 pipelines.a.processors[0]: unknown processor "allowlist": "processors" defines none',
    ]);
  });

  it('warns about components no pipeline uses, at their key, and still loads', () => {
    const config = resolveYaml(minimal('processors: { allowlist: {} }'));
    expect(config.warnings.map((w) => [w.line, w.column, w.message])).toEqual([[9, 15, 'processor "allowlist" is defined but no pipeline uses it']]);
  });
});

describe('resolveConfigObject', () => {
  const object = {
    sources: { file: { paths: ['./logs'] } },
    detectors: { 'aws-bedrock-enum-then-invoke-long-term-key': { suppress: { by: ['accessKeyId'], for: '30m' } } },
    sinks: { stdout: {} },
    pipelines: { default: { sources: ['file'], detectors: ['aws-bedrock-enum-then-invoke-long-term-key'], sinks: ['stdout'] } },
  };

  it('resolves a config built in code', () => {
    const config = resolveConfigObject(object, createTestRegistry(), { baseDir: '/srv' });
    expect(config.file).toBeUndefined();
    expect(config.service.checkpoints).toEqual({ store: 'file', dir: '/srv/.jackwatch/checkpoints' });
    expect(config.detectors.get('aws-bedrock-enum-then-invoke-long-term-key')?.policy?.suppress).toEqual({ by: ['accessKeyId'], for: 1_800_000 });
  });

  it('reports paths without line numbers', () => {
    const bad = { ...object, sources: { s3: {} }, pipelines: { default: { ...object.pipelines.default, sources: ['s3'] } } };
    expect(() => resolveConfigObject(bad, createTestRegistry())).toThrow(new ConfigError([{ file: undefined, path: ['sources', 's3', 'bucket'], line: undefined, column: undefined, message: 'is required' }]));
    expect(() => resolveConfigObject(bad, createTestRegistry(), { file: 'embedded' })).toThrow(/^embedded: sources\.s3\.bucket: is required$/);
  });
});

describe('resolveConfig: misbehaving plugin schemas', () => {
  it('reports a schema that cannot validate synchronously instead of crashing', () => {
    const registry = new ComponentRegistry();
    registry.register({
      kind: 'source', type: 'async', stability: 'development', description: 'bad plugin',
      configSchema: z.strictObject({}).refine(async () => true),
      create: () => {
        throw new Error('not created in this test');
      },
    });
    const parsed = parseConfigText(lines('sources: { async: {} }', 'pipelines: { p: { sources: [async], detectors: [x], sinks: [y] } }'), { file: 'jw.yaml', env: {} });
    const error = configError(() => resolveConfig(parsed, registry));
    expect(error.issues[0]).toMatchObject({ path: ['sources', 'async'], line: 1, message: expect.stringContaining('the config schema of source type "async" failed to validate') });
  });
});

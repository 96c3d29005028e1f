import { describe, expect, it } from 'vitest';
import { ComponentRegistry } from '../registry/component-registry.ts';
import { parseConfigText } from './parse-config-text.ts';
import { resolveConfig } from './resolve-config.ts';
import { configError, issueLines, lines, minimal, resolveYaml } from './testdata/config-test-helpers.ts';

/** The minimal config with `detectors` replaced by the given lines (from line 2 on). */
const withDetector = (...detector: string[]): string =>
  minimal().replace('detectors: { aws-bedrock-enum-then-invoke-long-term-key: {} }\n', lines('detectors:', ...detector));

describe('component types', () => {
  it('suggests the closest registered type for an unknown one, at its key', () => {
    const text = minimal('sinks:', '  stdout: {}', '  webhok/slack: { url: "https://x.test" }').replace('sinks: { stdout: {} }\n', '');
    expect(issueLines(() => resolveYaml(text))).toEqual(['10:3 sinks.webhok/slack: unknown sink type "webhok"; did you mean "webhook"?']);
  });

  it('lists the registered types when none is close, and says when a kind has none', () => {
    expect(issueLines(() => resolveYaml(minimal('processors: { kinesis: {} }')))).toEqual([
      '9:15 processors.kinesis: unknown processor type "kinesis"; expected one of "allowlist" (or add the plugin that provides it to "plugins")',
    ]);
    const parsed = parseConfigText(minimal(), { file: 'jw.yaml', env: {} });
    expect(configError(() => resolveConfig(parsed, new ComponentRegistry())).issues.map((issue) => issue.message)).toEqual([
      'unknown source type "file": no source types are registered (is the plugin that provides it listed in "plugins"?)',
      'unknown detector type "aws-bedrock-enum-then-invoke-long-term-key": no detector types are registered (is the plugin that provides it listed in "plugins"?)',
      'unknown sink type "stdout": no sink types are registered (is the plugin that provides it listed in "plugins"?)',
    ]);
  });

  it('rejects a malformed component id', () => {
    expect(issueLines(() => resolveYaml(minimal('processors: { Allow/x: {}, allowlist/: {} }')))).toEqual([
      '9:15 processors.Allow/x: "Allow/x" is not a valid component id; write "type" or "type/name", the type in lowercase letters, digits and "-"',
      '9:28 processors.allowlist/: "allowlist/" is not a valid component id; write "type" or "type/name", the type in lowercase letters, digits and "-"',
    ]);
  });

  it('names the component for options that are not a mapping', () => {
    expect(issueLines(() => resolveYaml(minimal('processors: { allowlist: [a] }')))).toEqual(['9:26 processors.allowlist: expected a mapping, got a list']);
  });

  it('keeps type and name apart and validates each named instance', () => {
    const config = resolveYaml(minimal('    processors: [allowlist/ci, allowlist/dev]', 'processors: { allowlist/ci: { accessKeyIds: [AKIA1] }, allowlist/dev: {} }'));
    expect(config.processors.get('allowlist/ci')).toMatchObject({ type: 'allowlist', name: 'ci', config: { accessKeyIds: ['AKIA1'] } });
    expect(config.pipelines.get('default')?.processors).toEqual(['allowlist/ci', 'allowlist/dev']);
  });
});

describe('detector policy', () => {
  it('splits suppress and exceptions off the detector options', () => {
    const config = resolveYaml(
      withDetector(
        '  aws-bedrock-enum-then-invoke-long-term-key:',
        '    maxSpan: 10m',
        '    suppress: { by: [accessKeyId], for: 1h }',
        '    exceptions:',
        '      - description: CI runners',
        '        when: [{ field: sourceIPAddress, cidr: [10.0.0.0/8] }, { field: userName, glob: "ci-*" }]',
      ),
    );
    expect(config.detectors.get('aws-bedrock-enum-then-invoke-long-term-key')).toMatchObject({
      config: { maxSpan: 600_000 },
      policy: {
        suppress: { by: ['accessKeyId'], for: 3_600_000 },
        exceptions: [{ description: 'CI runners', when: [{ field: 'sourceIPAddress', cidr: ['10.0.0.0/8'] }, { field: 'userName', glob: 'ci-*' }] }],
      },
    });
    expect(config.detectors.get('aws-bedrock-enum-then-invoke-long-term-key')?.config).not.toHaveProperty('suppress');
  });

  it('validates the policy at its own lines, next to the detector options', () => {
    const text = withDetector(
      '  aws-bedrock-enum-then-invoke-long-term-key:',
      '    maxSpan: soon',
      '    suppress: { by: [] }',
      '    exceptions:',
      '      - when: [{ field: userName, equals: bob, glob: "b*" }]',
    );
    expect(issueLines(() => resolveYaml(text))).toEqual([
      '4:14 detectors.aws-bedrock-enum-then-invoke-long-term-key.maxSpan: "soon" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d',
      '5:5 detectors.aws-bedrock-enum-then-invoke-long-term-key.suppress.for: is required',
      '5:21 detectors.aws-bedrock-enum-then-invoke-long-term-key.suppress.by: Too small: expected array to have >=1 items',
      '7:16 detectors.aws-bedrock-enum-then-invoke-long-term-key.exceptions[0].when[0]: an exception condition on "userName" needs exactly one of equals, glob or cidr',
    ]);
  });

  it('suggests a policy key for a misspelt one', () => {
    expect(issueLines(() => resolveYaml(withDetector('  aws-bedrock-enum-then-invoke-long-term-key: { supress: { by: [user], for: 1h } }')))).toEqual([
      '3:49 detectors.aws-bedrock-enum-then-invoke-long-term-key.supress: unknown key "supress"; did you mean "suppress"?',
    ]);
  });

  it('rejects a policy key on a component that is not a detector', () => {
    expect(issueLines(() => resolveYaml(minimal().replace('stdout: {}', 'stdout: { suppress: {} }')))).toEqual([
      '3:20 sinks.stdout.suppress: unknown key "suppress"; expected one of "format"',
    ]);
  });
});

describe('environment values and secrets', () => {
  const webhook = (...options: string[]): string =>
    minimal(...options).replace('sinks: { stdout: {} }', 'sinks: { stdout: {}, webhook: { url: "https://hooks.test/x" } }').replace('sinks: [stdout]', 'sinks: [stdout, webhook]');

  it('converts a whole environment value to the number or boolean the schema wants', () => {
    const text = minimal().replace('paths: [./logs]', 'paths: [./logs], maxBatch: "${env:BATCH}"').replace('{ file:', '{ s3: { bucket: b, accountId: "${env:ACCOUNT}" }, file:');
    const config = resolveYaml(text.replace('sources: [file]', 'sources: [file, s3]'), { BATCH: '250', ACCOUNT: '012345678901' });
    expect(config.sources.get('file')?.config).toMatchObject({ maxBatch: 250 });
    expect(config.sources.get('s3')?.config).toMatchObject({ accountId: '012345678901' });
  });

  it('does not convert a string written in the file', () => {
    expect(issueLines(() => resolveYaml(minimal().replace('paths: [./logs]', 'paths: [./logs], maxBatch: "250"')))).toEqual([
      '1:47 sources.file.maxBatch: expected a number, got a string',
    ]);
  });

  it('shows a bad environment value as *** in the message', () => {
    const error = configError(() =>
      resolveYaml(webhook().replace('url: "https://hooks.test/x"', 'url: "https://hooks.test/x", timeout: "${env:HOOK_TIMEOUT}"'), { HOOK_TIMEOUT: 'sk-live-9f8e7d' }),
    );
    expect(error.message).toContain('sinks.webhook.timeout: "***" is not a duration');
    expect(error.message).not.toContain('sk-live-9f8e7d');
  });

  it('never echoes a reference list entry that came from the environment', () => {
    const error = configError(() => resolveYaml(minimal().replace('sinks: [stdout]', 'sinks: ["${env:SINK}"]'), { SINK: 'hunter2-private' }));
    expect(error.issues.map((issue) => issue.message)).toEqual(['unknown sink "***": it is not defined in "sinks"; expected one of "stdout"']);
  });

  it('masks a plain-text value under a secret-looking key in messages', () => {
    const text = webhook().replace('url: "https://hooks.test/x"', 'url: "https://hooks.test/x", tokenTtl: swordfish-123');
    expect(issueLines(() => resolveYaml(text))).toEqual([
      '3:72 sinks.webhook.tokenTtl: "***" is not a duration; write it like 500ms, 30s, 15m, 1h or 7d',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.ts';

describe('parseYamlSource', () => {
  it('reports a syntax error at its line and column', () => {
    const { issues } = parseYamlSource(['sources:', '  file: { paths: [a }', 'sinks: {}'].join('\n'), 'jw.yaml');
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ file: 'jw.yaml', line: 2, message: expect.stringMatching(/^YAML syntax error: /) });
    expect(issues[0]?.column).toBeGreaterThan(1);
  });

  it('reports a duplicate key at the second occurrence', () => {
    const { issues } = parseYamlSource(['sinks: {}', 'sources: {}', 'sinks: {}'].join('\n'), 'jw.yaml');
    expect(issues).toEqual([expect.objectContaining({ line: 3, column: 1, message: expect.stringContaining('unique') })]);
  });

  it('explains that a config is one document', () => {
    const { issues } = parseYamlSource('sinks: {}\n---\nsources: {}\n', 'jw.yaml');
    expect(issues).toEqual([expect.objectContaining({ line: 2, column: 1, message: 'YAML syntax error: the config must be a single YAML document; remove the second "---"' })]);
  });

  it('locates values, keys, and the holder of a missing key', () => {
    const { locate, issues } = parseYamlSource(
      ['sources:', '  s3/prod:', '    bucket: logs', '    prefix:', 'pipelines:', '  default:', '    sources: [a, b]'].join('\n'),
      undefined,
    );
    expect(issues).toEqual([]);
    expect(locate(['sources', 's3/prod', 'bucket'])).toEqual({ line: 3, column: 13 });
    expect(locate(['sources', 's3/prod', 'bucket'], 'key')).toEqual({ line: 3, column: 5 });
    expect(locate(['sources', 's3/prod', 'region'])).toEqual({ line: 2, column: 3 });
    expect(locate(['sources', 's3/prod', 'prefix'])).toEqual({ line: 4, column: 5 });
    expect(locate(['pipelines', 'default', 'sources', 1])).toEqual({ line: 7, column: 18 });
    expect(locate(['sinks'])).toEqual({ line: 1, column: 1 });
  });
});

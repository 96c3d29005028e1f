import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSourceFactory } from '@jackwatch/core/testing';
import { describe, expect, it } from 'vitest';
import { builtInSources } from './index.ts';

// The AWS sources' start calls their service, so here only the part of the
// kit that needs no endpoint runs for them; their own tests run the whole kit
// against the emulator and the CloudWatch fake.
const cases: Record<string, { config: (dir: string) => unknown; start: boolean }> = {
  file: { config: (dir) => ({ paths: [dir] }), start: true },
  s3: { config: () => ({ bucket: 'trail-bucket', region: 'us-east-1' }), start: false },
  'cloudwatch-logs': { config: () => ({ logGroups: ['aws-cloudtrail-logs'], region: 'us-east-1' }), start: false },
};

describe('source conformance', () => {
  it.each(builtInSources.map((f) => [f.type, f] as const))('%s passes the lifecycle conformance kit', async (type, factory) => {
    const dir = await mkdtemp(join(tmpdir(), 'jw-source-conformance-'));
    const { config, start } = cases[type]!;
    expect(await checkSourceFactory(factory, { config: config(dir), start, baseDir: dir })).toEqual([]);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';

const LOGS = join(REPO_ROOT, 'examples/quickstart/logs');

const config = (pipelineEvidence: string, detectorOptions: string): string => `
service: { checkpoints: { memory: true } }
sources:
  file: { paths: ["${LOGS}"] }
detectors:
  aws-bedrock: ${detectorOptions}
sinks:
  stdout: { format: json }
pipelines:
  default:
    sources: [file]
    detectors: [aws-bedrock]
    sinks: [stdout]
${pipelineEvidence}
`;

const withoutEvidence = (findings: readonly Finding[]) => findings.map(({ evidence: _evidence, ...rest }) => rest).sort((a, b) => a.id.localeCompare(b.id));
const recordKeys = (findings: readonly Finding[]) => new Set(findings.flatMap((f) => f.evidence.flatMap((record) => Object.keys(record))));

describe('evidence: compact from the config (jackwatch run on the quickstart logs)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-compact-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function run(name: string, text: string): Promise<Finding[]> {
    const file = join(dir, `${name}.yaml`);
    await writeFile(file, text);
    const { code, stdout, stderr } = await runCli(['run', '--config', file]);
    expect(code, stderr).toBe(0);
    return jsonLines<Finding>(stdout);
  }

  it('the pipeline default cuts every detector\'s evidence, a detector\'s own `evidence` wins, findings stay the same', async () => {
    const [full, compact, overridden] = await Promise.all([
      run('full', config('', '{}')),
      run('compact', config('    evidence: compact', '{}')),
      run('overridden', config('    evidence: compact', '{ evidence: full }')),
    ]);
    expect(full).toHaveLength(13);
    expect(withoutEvidence(compact)).toEqual(withoutEvidence(full));
    expect(withoutEvidence(overridden)).toEqual(withoutEvidence(full));
    expect(recordKeys(full)).toContain('requestID');
    expect(recordKeys(overridden)).toEqual(recordKeys(full));
    const kept = recordKeys(compact);
    for (const dropped of ['requestID', 'eventVersion', 'tlsDetails', 'responseElements']) expect(kept).not.toContain(dropped);
    for (const always of ['eventID', 'eventTime', 'eventName', 'eventSource', 'userIdentity']) expect(kept).toContain(always);
    expect(compact.map((f) => f.evidence.length)).toEqual(compact.map((f) => full.find((g) => g.id === f.id)!.evidence.length));
  }, 180_000);

  it('is refused, with its path, when it is neither full nor compact', async () => {
    const file = join(dir, 'bad.yaml');
    await writeFile(file, config('    evidence: tiny', '{ evidence: small }'));
    const { code, stderr } = await runCli(['validate', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('pipelines.default.evidence');
    expect(stderr).toContain('detectors.aws-bedrock.evidence');
  }, 60_000);
});

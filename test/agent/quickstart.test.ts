import { describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { jsonLines, runCli } from '../support/run-cli.ts';

describe('jackwatch run on the quickstart (npm start)', () => {
  it('prints one JSON finding per line: the aws-bedrock pack fires every rule, the near misses stay silent', async () => {
    const { code, stdout, stderr } = await runCli(['run']);
    expect(code, stderr).toBe(0);
    const findings = jsonLines<Finding>(stdout);
    const byRule = findings.map((f) => `${f.detector.id} ${f.group.userName ?? f.group.user ?? ''}`).sort();
    expect(byRule).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key svc-reporting',
      'aws-bedrock-logging-check-then-invoke svc-reporting',
      'aws-bedrock-llmjacking-kill-chain svc-reporting',
      'aws-bedrock-list-models-failures ci-deployer',
      'aws-bedrock-logging-deletion OrgAdmin',
      'aws-bedrock-logging-deletion DataScientist',
      'aws-bedrock-logging-deletion-non-admin DataScientist',
      'aws-bedrock-logging-reconfigured DataScientist',
      'aws-bedrock-guardrail-tampering ml-platform',
      'aws-bedrock-model-access-long-term-key legacy-etl',
      'aws-bedrock-invocation-probing svc-backup',
      'aws-bedrock-multi-region-invocation svc-translate',
      'aws-bedrock-invocation-burst svc-summarizer',
    ].sort());
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    // The kill chain links the two findings of the same leaked key that its evidence proves.
    const chain = findings.find((f) => f.detector.id === 'aws-bedrock-llmjacking-kill-chain')!;
    const linked = findings.filter((f) => f.group.userName === 'svc-reporting' && f.detector.id !== chain.detector.id).map((f) => f.id);
    expect([...(chain.details?.['subsumedFindingIds'] as string[])].sort()).toEqual(linked.sort());
    expect(stderr).toMatch(/read: +file \d+/);
    expect(stderr).toContain('aws-bedrock-llmjacking-kill-chain 1');
  });

  it('gives the same finding ids on a replay', async () => {
    const [first, second] = await Promise.all([runCli(['run']), runCli(['run'])]);
    const ids = (stdout: string): string[] => jsonLines<Finding>(stdout).map((f) => f.id).sort();
    expect(ids(first.stdout)).toEqual(ids(second.stdout));
    expect(ids(first.stdout)).toHaveLength(13);
  });
});

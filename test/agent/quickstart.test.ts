import { describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { jsonLines, runCli } from '../support/run-cli.ts';

describe('jackwatch run on the quickstart (npm start)', () => {
  it('prints one JSON finding per line: every Bedrock rule fires, the near misses stay silent', async () => {
    const { code, stdout, stderr } = await runCli(['run']);
    expect(code, stderr).toBe(0);
    const findings = jsonLines<Finding>(stdout);
    const byRule = findings.map((f) => `${f.detector.id} ${f.group.userName ?? f.group.user ?? ''}`).sort();
    expect(byRule).toEqual([
      'aws-bedrock-enum-then-invoke-long-term-key svc-reporting',
      'aws-bedrock-list-models-failures ci-deployer',
      'aws-bedrock-logging-deletion OrgAdmin',
      'aws-bedrock-logging-deletion DataScientist',
      'aws-bedrock-logging-deletion-non-admin DataScientist',
    ].sort());
    expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
    expect(stderr).toMatch(/read: +file \d+/);
  });

  it('gives the same finding ids on a replay', async () => {
    const [first, second] = await Promise.all([runCli(['run']), runCli(['run'])]);
    const ids = (stdout: string): string[] => jsonLines<Finding>(stdout).map((f) => f.id).sort();
    expect(ids(first.stdout)).toEqual(ids(second.stdout));
    expect(ids(first.stdout)).toHaveLength(5);
  });
});

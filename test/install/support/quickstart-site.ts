import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { jsonLines, REPO_ROOT, type CliResult } from '../../support/run-cli.ts';

/** The detector of each finding the quickstart produces (the `aws-bedrock` pack on its logs), sorted. */
export const QUICKSTART_DETECTORS = [
  'aws-bedrock-enum-then-invoke-long-term-key',
  'aws-bedrock-guardrail-tampering',
  'aws-bedrock-invocation-burst',
  'aws-bedrock-invocation-probing',
  'aws-bedrock-list-models-failures',
  'aws-bedrock-llmjacking-kill-chain',
  'aws-bedrock-logging-check-then-invoke',
  'aws-bedrock-logging-deletion',
  'aws-bedrock-logging-deletion',
  'aws-bedrock-logging-deletion-non-admin',
  'aws-bedrock-logging-reconfigured',
  'aws-bedrock-model-access-long-term-key',
  'aws-bedrock-multi-region-invocation',
] as const;

/** Copies the quickstart (config and logs) into `dir/quickstart` and returns its config file. */
export async function copyQuickstart(dir: string): Promise<string> {
  await cp(join(REPO_ROOT, 'examples/quickstart/config.yaml'), join(dir, 'quickstart/config.yaml'));
  await cp(join(REPO_ROOT, 'examples/quickstart/logs'), join(dir, 'quickstart/logs'), { recursive: true });
  return join(dir, 'quickstart/config.yaml');
}

/** Checks a `jackwatch run` of the quickstart: exit 0, its thirteen findings with distinct ids, the summary on stderr. */
export function expectQuickstartFindings(result: CliResult): void {
  expect(result.code, result.stderr).toBe(0);
  const findings = jsonLines<Finding>(result.stdout);
  expect(findings.map((f) => f.detector.id).sort()).toEqual([...QUICKSTART_DETECTORS]);
  expect(new Set(findings.map((f) => f.id)).size).toBe(findings.length);
  expect(result.stderr).toMatch(/read: +file \d+/);
  expect(result.stderr).toContain('sink stdout: delivered 13');
}

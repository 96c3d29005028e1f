import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';

const BEDROCK = join(REPO_ROOT, 'examples/fixtures/bedrock');
const RULE_A = join(BEDROCK, 'aws-bedrock-enum-then-invoke-long-term-key/fires-on-list-then-invoke');

let work: string;

async function writeCase(name: string, caseYaml: string, events?: { file: string; text: string }): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'case.yaml'), caseYaml);
  if (events) await writeFile(join(dir, events.file), events.text);
  return dir;
}

describe('jackwatch test DIR', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jackwatch-cases-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('passes every shipped Bedrock case: one PASS line per case and a summary, exit 0', async () => {
    const { code, stdout, stderr } = await runCli(['test', BEDROCK]);
    expect(code, stdout + stderr).toBe(0);
    const lines = stdout.split('\n').filter((l) => /^(PASS|FAIL) /.test(l));
    expect(lines.map((l) => l.split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'PASS aws-bedrock-enum-then-invoke-long-term-key/fires-on-list-then-invoke',
      'PASS aws-bedrock-enum-then-invoke-long-term-key/quiet-after-max-span',
      'PASS aws-bedrock-enum-then-invoke-long-term-key/quiet-on-temporary-key',
      'PASS aws-bedrock-guardrail-tampering/fires-on-delete-and-update',
      'PASS aws-bedrock-guardrail-tampering/quiet-on-refused-and-other-calls',
      'PASS aws-bedrock-invocation-burst/fires-on-the-501st',
      'PASS aws-bedrock-invocation-burst/quiet-on-500-and-split-models',
      'PASS aws-bedrock-invocation-probing/fires-on-the-third-model',
      'PASS aws-bedrock-invocation-probing/quiet-beyond-ten-minutes',
      'PASS aws-bedrock-invocation-probing/quiet-on-two-models-and-on-denials',
      'PASS aws-bedrock-list-models-failures/exception-for-ci-network',
      'PASS aws-bedrock-list-models-failures/fires-across-hour-boundary',
      'PASS aws-bedrock-list-models-failures/quiet-on-nine',
      'PASS aws-bedrock-llmjacking-kill-chain/fires-on-a-role-session',
      'PASS aws-bedrock-llmjacking-kill-chain/fires-with-links',
      'PASS aws-bedrock-llmjacking-kill-chain/quiet-beyond-a-day',
      'PASS aws-bedrock-llmjacking-kill-chain/quiet-on-two-stages',
      'PASS aws-bedrock-logging-check-then-invoke/fires-at-the-hour',
      'PASS aws-bedrock-logging-check-then-invoke/fires-in-the-same-second',
      'PASS aws-bedrock-logging-check-then-invoke/quiet-after-the-hour',
      'PASS aws-bedrock-logging-check-then-invoke/quiet-on-refused-calls',
      'PASS aws-bedrock-logging-deletion/admins-from-config',
      'PASS aws-bedrock-logging-deletion/both-variants',
      'PASS aws-bedrock-logging-reconfigured/exception-for-terraform',
      'PASS aws-bedrock-logging-reconfigured/fires-on-any-outcome',
      'PASS aws-bedrock-logging-reconfigured/quiet-on-read-and-delete',
      'PASS aws-bedrock-model-access-long-term-key/fires-on-each-call',
      'PASS aws-bedrock-model-access-long-term-key/quiet-on-other-calls',
      'PASS aws-bedrock-model-access-long-term-key/quiet-on-temporary-keys',
      'PASS aws-bedrock-multi-region-invocation/fires-on-the-third-region',
      'PASS aws-bedrock-multi-region-invocation/quiet-beyond-the-hour',
      'PASS aws-bedrock-multi-region-invocation/quiet-on-cross-region-inference',
      'PASS aws-bedrock/named-with-rule-options',
      'PASS aws-bedrock/runs-every-rule',
    ]);
    expect(stdout).toContain('PASS  aws-bedrock-logging-deletion/both-variants  (3 finding(s), 6 arrival order(s))');
    expect(stdout).toContain('34 case(s): 34 passed, 0 failed');
  });

  it('runs the plugin example\'s cases, loading the plugin each case names', async () => {
    const { code, stdout } = await runCli(['test', join(REPO_ROOT, 'examples/detector-plugin/fixtures')]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('PASS  fires-on-new-ip  (1 finding(s), 6 arrival order(s))');
    expect(stdout).toContain('4 case(s): 4 passed, 0 failed');
  });

  it('fails a case whose expectation is wrong, saying what is missing and what is unexpected, exit 1', async () => {
    const original = await readFile(join(RULE_A, 'case.yaml'), 'utf8');
    const anchor = /anchor: (\S+)/.exec(original)![1]!;
    const dir = await writeCase('wrong-anchor', original.replace(anchor, '00000000-0000-4000-8000-000000000000').replace('riskScore: 73', 'riskScore: 99'));
    await cp(join(RULE_A, 'events.ndjson'), join(dir, 'events.ndjson'));
    const { code, stdout } = await runCli(['test', dir]);
    expect(code).toBe(1);
    expect(stdout).toContain('FAIL  wrong-anchor\n');
    expect(stdout).toContain('every order: missing: a finding of aws-bedrock-enum-then-invoke-long-term-key anchored on eventID 00000000-0000-4000-8000-000000000000');
    expect(stdout).toMatch(new RegExp(`every order: unexpected: a finding of aws-bedrock-enum-then-invoke-long-term-key anchored on eventID ${anchor}: "Long-term key AKIA`));
    expect(stdout).toContain('1 case(s): 0 passed, 1 failed');
  });

  it('reports the arrival orders in which a finding is missed', async () => {
    const events = (await readFile(join(RULE_A, 'events.ndjson'), 'utf8')).trim().split('\n');
    // The enumeration arrives last, after a call 30 minutes later moved the watermark past it and its
    // invocation: in the "given" order it is beyond the allowed lateness, in the sorted order it is not.
    const later = { ...(JSON.parse(events[1]!) as Record<string, unknown>), eventTime: '2026-03-02T09:44:05Z', eventID: '11111111-1111-4111-8111-111111111111' };
    const given = [events[2]!, events[1]!, JSON.stringify(later), events[0]!].join('\n');
    const original = await readFile(join(RULE_A, 'case.yaml'), 'utf8');
    const dir = await writeCase('late-enumeration', `${original}arrival:\n  orders: [sorted, given]\n  lateness: 0s\n`, { file: 'events.ndjson', text: `${given}\n` });
    const { code, stdout } = await runCli(['test', dir]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/\n {6}given: missing: a finding of aws-bedrock-enum-then-invoke-long-term-key anchored on eventID /);
    expect(stdout).not.toContain('sorted:');
  });

  it('fails an unreadable case with the file and line, and keeps running the others', async () => {
    await writeCase('suite/a-typo', 'detector: aws-bedrock-logging-deletion\nexpect:\n  findigns: []\n', { file: 'events.ndjson', text: '' });
    await writeCase('suite/b-unknown-detector', 'detector: acme-not-installed\nexpect: { count: 0 }\n', { file: 'e.ndjson', text: (await readFile(join(RULE_A, 'events.ndjson'), 'utf8')) });
    await writeCase('suite/c-bad-option', 'detector: aws-bedrock-list-models-failures\nconfig:\n  threshold: many\nexpect: { count: 0 }\n', { file: 'e.ndjson', text: (await readFile(join(RULE_A, 'events.ndjson'), 'utf8')) });
    const dir = await writeCase('suite/d-good', 'detector: aws-bedrock-logging-deletion\nexpect:\n  findings: []\n', { file: 'e.ndjson', text: (await readFile(join(RULE_A, 'events.ndjson'), 'utf8')) });
    const { code, stdout } = await runCli(['test', join(dir, '..')], { cwd: work });
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {2}a-typo\n {6}suite\/a-typo\/case\.yaml:3: expect: Unrecognized key: "findigns"/);
    expect(stdout).toMatch(/FAIL {2}b-unknown-detector\n {6}suite\/b-unknown-detector\/case\.yaml:1: no detector type "acme-not-installed" is registered \(name its plugin under plugins:\)/);
    expect(stdout).toMatch(/FAIL {2}c-bad-option\n {6}suite\/c-bad-option\/case\.yaml:3: config\.threshold: /);
    expect(stdout).toContain('PASS  d-good');
    expect(stdout).toContain('4 case(s): 1 passed, 3 failed');
  });

  it('exits 2 when the directory holds no case', async () => {
    const empty = await mkdtemp(join(work, 'empty-'));
    const none = await runCli(['test', empty]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no case.yaml under');
    const missing = await runCli(['test', join(work, 'does-not-exist')]);
    expect(missing.code).toBe(2);
  });
});

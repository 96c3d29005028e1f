import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLines, REPO_ROOT, runCli } from '../support/run-cli.ts';

const RULES = join(REPO_ROOT, 'examples/sigma/rules');
const CONFIG = join(REPO_ROOT, 'examples/sigma/config.yaml');
let work: string;

const rule = (id: string, detection: string, extra = ''): string =>
  `title: Rule ${id}\nid: ${id}\nlogsource: { product: aws, service: cloudtrail }\ndetection:\n${detection}\n${extra}`;

describe('jackwatch with Sigma rules', () => {
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'jackwatch-sigma-cli-'));
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('sigma check lists every rule with its status, id and interest, exit 0', async () => {
    const { code, stdout } = await runCli(['sigma', 'check', RULES]);
    expect(code, stdout).toBe(0);
    expect(stdout).toMatch(/^loaded {3}aws-bedrock-enum-then-invoke-long-term-key {2}AWS Bedrock Foundation Model Enumeration Followed by Invocation via Long-Term Key {2}\[correlation, high\] {2}examples\/sigma\/rules\/aws_bedrock_enum_then_invoke_long_term_key\.yml:1$/m);
    expect(stdout).toContain('interest: bedrock.amazonaws.com Converse|ConverseStream|InvokeModel|InvokeModelWithResponseStream|ListFoundationModels');
    expect(stdout).toContain('emits nothing itself: used by aws-bedrock-list-models-failures (generate: false)');
    expect(stdout).toContain('7 rule document(s): 7 loaded, 0 skipped, 0 invalid');
  });

  it('sigma check exits 2 on an invalid rule, naming file, line and YAML path; skipped rules say why', async () => {
    const dir = join(work, 'mixed');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'typo.yml'), rule('typo', '    selection:\n        eventName|contians: CreateUser\n    condition: selection'));
    await writeFile(join(dir, 'expand.yml'), rule('expand', '    selection:\n        userIdentity.arn|expand: "%admins%"\n    condition: selection'));
    await writeFile(join(dir, 'root.yml'), rule('root', '    selection:\n        userIdentity.type: Root\n    condition: selection'));
    const { code, stdout } = await runCli(['sigma', 'check', dir]);
    expect(code).toBe(2);
    expect(stdout).toContain(`invalid  typo  Rule typo  [rule]  ${dir}/typo.yml:1`);
    expect(stdout).toContain(`${dir}/typo.yml:6:9: detection.selection["eventName|contians"]: unknown modifier "contians"`);
    expect(stdout).toContain(`skipped  expand  Rule expand  [rule]  ${dir}/expand.yml:1`);
    expect(stdout).toContain('unsupported modifier "expand"');
    expect(stdout).toContain('interest: all events (turns the prefilter off)');
    expect(stdout).toContain('3 rule document(s): 1 loaded, 1 skipped, 1 invalid');
    expect(stdout).toContain('the prefilter is off while these rules are loaded (they can match events of any source): root');
  });

  it('sigma check reports a condition nested thousands deep as invalid at its line, instead of crashing, and loads the rest', async () => {
    const dir = join(work, 'deep');
    await mkdir(dir, { recursive: true });
    const selection = '    selection:\n        eventName: CreateUser\n';
    await writeFile(join(dir, 'parens.yml'), rule('parens', `${selection}    condition: "${'('.repeat(5000)}selection${')'.repeat(5000)}"`));
    await writeFile(join(dir, 'nots.yml'), rule('nots', `${selection}    condition: "${'not '.repeat(20000)}selection"`));
    await writeFile(join(dir, 'fine.yml'), rule('fine', `${selection}    condition: "${'not '.repeat(32)}${'('.repeat(32)}selection${')'.repeat(32)}"`));
    const { code, stdout, stderr } = await runCli(['sigma', 'check', dir]);
    expect(code, stderr).toBe(2);
    expect(stdout).toContain(`${dir}/parens.yml:7:5: detection.condition: the condition nests 5000 levels of parentheses and "not"; at most 64 are allowed`);
    expect(stdout).toContain(`${dir}/nots.yml:7:5: detection.condition: the condition nests 20000 levels`);
    expect(stdout).toContain(`loaded   fine  Rule fine  [rule]  ${dir}/fine.yml:1`);
    expect(stdout).toContain('3 rule document(s): 1 loaded, 0 skipped, 2 invalid');
  });

  it('validate and components list each loaded rule of a sigma entry', async () => {
    const validate = await runCli(['validate', '--config', CONFIG]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toContain('sigma/bedrock: 4 detector(s)');
    expect(validate.stderr).toContain('aws-bedrock-list-models-failures  AWS Bedrock Foundation Model Listing Failures  [medium]  interest: bedrock.amazonaws.com ListFoundationModels');
    const components = await runCli(['components', '--config', CONFIG]);
    expect(components.code).toBe(0);
    expect(components.stdout).toMatch(/^ {2}sigma +alpha +@jackwatch\/sigma@\S+ +Sigma rules and correlation rules for CloudTrail, in event time$/m);
    expect(components.stdout).toContain('detectors in');
    expect(components.stdout).toContain('aws-bedrock-logging-deletion-non-admin  AWS Bedrock Model Invocation Logging Deleted by a Non-Administrator  [medium]');
  });

  it('run warns about invalid rules and about a rule that turns the prefilter off, and runs the rest', async () => {
    const dir = join(work, 'run');
    await mkdir(join(dir, 'rules'), { recursive: true });
    await writeFile(join(dir, 'rules/deletion.yml'), rule('deletion', '    selection:\n        eventSource: bedrock.amazonaws.com\n        eventName: DeleteModelInvocationLoggingConfiguration\n    condition: selection', 'level: high'));
    await writeFile(join(dir, 'rules/anything.yml'), rule('any-refusal', '    selection:\n        errorCode: AccessDenied\n    condition: selection'));
    await writeFile(join(dir, 'rules/broken.yml'), rule('broken', '    selection:\n        eventName: x\n    condition: selection and nothing'));
    await writeFile(
      join(dir, 'config.yaml'),
      `service: { checkpoints: { memory: true } }\nsources: { file: { paths: [${join(REPO_ROOT, 'examples/quickstart/logs')}] } }\ndetectors: { sigma: { rules: [./rules] } }\nsinks: { stdout: {} }\npipelines: { default: { sources: [file], detectors: [sigma], sinks: [stdout] } }\n`,
    );
    const { code, stdout, stderr } = await runCli(['run', '--config', join(dir, 'config.yaml')]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('sigma rule invalid: rules/broken.yml:7:5: detection.condition: condition "selection and nothing": unknown search identifier "nothing"');
    expect(stderr).toContain('sigma rule "any-refusal" (rules/anything.yml:1) can match events of any source: the prefilter is off for its pipeline');
    const findings = jsonLines<{ detector: { id: string }; severity: string }>(stdout);
    expect(findings.filter((f) => f.detector.id === 'deletion')).toHaveLength(2);
    expect(findings.filter((f) => f.detector.id === 'any-refusal').length).toBeGreaterThan(0);
    // The prefilter is off: every record of the quickstart is read.
    expect(stderr).toContain('read:     file 1387');
    expect(stderr).not.toContain('prefilter)');
  });

  it('run applies the specification v2.1 modifiers and the "x of pattern" reading end to end (neq, hour, _ identifiers)', async () => {
    const dir = join(work, 'spec-v2');
    await mkdir(join(dir, 'rules'), { recursive: true });
    await mkdir(join(dir, 'logs'), { recursive: true });
    const record = (id: string, eventTime: string, userName: string, count: number): Record<string, unknown> => ({
      eventVersion: '1.09',
      userIdentity: { type: 'IAMUser', principalId: `AIDA${id}`, arn: `arn:aws:iam::111122223333:user/${userName}`, accountId: '111122223333', accessKeyId: `AKIA${id}`, userName },
      eventTime,
      eventSource: 'iam.amazonaws.com',
      eventName: 'CreateUser',
      awsRegion: 'us-east-1',
      sourceIPAddress: '198.51.100.7',
      userAgent: 'aws-cli/2.15.0',
      requestParameters: { userName: `new-${id}`, count },
      responseElements: null,
      requestID: `req-${id}`,
      eventID: `evt-${id}`,
      eventType: 'AwsApiCall',
      recipientAccountId: '111122223333',
    });
    const records = [record('night', '2026-03-02T23:10:00Z', 'mallory', 7), record('day', '2026-03-02T10:00:00Z', 'mallory', 7), record('admin', '2026-03-02T23:30:00Z', 'admin', 4242)];
    await writeFile(join(dir, 'logs/trail.json'), JSON.stringify({ Records: records }));
    // Off hours (hour), by anyone but admin (neq); the `_` filter is left out of `1 of *filter`, as of `them`.
    await writeFile(
      join(dir, 'rules/off-hours.yml'),
      rule('off-hours', "    selection:\n        eventSource: iam.amazonaws.com\n        eventName: CreateUser\n        eventTime|hour: [22, 23, 0]\n        userIdentity.userName|neq: admin\n    _filter:\n        userAgent|startswith: aws-cli\n    condition: selection and not 1 of *filter"),
    );
    // Keywords search numbers too: 4242 is only in the admin record, as the number requestParameters.count.
    await writeFile(join(dir, 'rules/number.yml'), rule('number', "    selection:\n        eventName: CreateUser\n    keywords:\n        - 4242\n    condition: selection and keywords"));
    await writeFile(
      join(dir, 'config.yaml'),
      `service: { checkpoints: { memory: true } }\nsources: { file: { paths: [./logs] } }\ndetectors: { sigma: { rules: [./rules] } }\nsinks: { stdout: {} }\npipelines: { default: { sources: [file], detectors: [sigma], sinks: [stdout] } }\n`,
    );
    const check = await runCli(['sigma', 'check', join(dir, 'rules')]);
    expect(check.code, check.stdout).toBe(0);
    expect(check.stdout).toContain('2 rule document(s): 2 loaded, 0 skipped, 0 invalid');
    const { code, stdout, stderr } = await runCli(['run', '--config', join(dir, 'config.yaml')]);
    expect(code, stderr).toBe(0);
    const findings = jsonLines<{ detector: { id: string }; evidence: { eventID: string }[] }>(stdout);
    expect(findings.map((f) => [f.detector.id, f.evidence.map((e) => e.eventID)]).sort()).toEqual([
      ['number', ['evt-admin']],
      ['off-hours', ['evt-night']],
    ]);
  });

  it('run refuses a rules entry that matches nothing, as a config error (exit 2)', async () => {
    const config = join(work, 'missing.yaml');
    await writeFile(config, 'sources: { file: { paths: [.] } }\ndetectors: { sigma/x: { rules: [./no-such-rules] } }\nsinks: { stdout: {} }\npipelines: { default: { sources: [file], detectors: [sigma/x], sinks: [stdout] } }\n');
    const { code, stderr } = await runCli(['run', '--config', config]);
    expect(code).toBe(2);
    expect(stderr).toContain(`detectors.sigma/x.rules: rules entry "./no-such-rules": ${join(work, 'no-such-rules')} does not exist`);
  });

  it('test runs fixture cases for Sigma rules as for TypeScript rules', async () => {
    const { code, stdout } = await runCli(['test', join(REPO_ROOT, 'examples/sigma/fixtures')]);
    expect(code, stdout).toBe(0);
    expect(stdout).toContain('PASS  logging-deletion-both-rules  (3 finding(s), 6 arrival order(s))');
    expect(stdout).toContain('4 case(s): 4 passed, 0 failed');
  });
});

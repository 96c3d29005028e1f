import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OtlpHttpReceiver } from '../../packages/sinks/src/testing/otlp-http-receiver.ts';
import { WebhookReceiver } from '../../packages/sinks/src/testing/webhook-receiver.ts';
import { startFakeCloudWatchLogs, type FakeCloudWatchLogs } from '../support/cloudwatch-logs-fake/index.ts';
import { fauxqsEnvironment, startFauxqs, type Fauxqs } from '../support/fauxqs.ts';
import { runCli } from '../support/run-cli.ts';

const TLS_DIR = fileURLToPath(new URL('../../packages/sinks/src/testing/tls/', import.meta.url));

// Each test starts the CLI a few times; on a busy machine one start takes seconds.
const CLI_TIMEOUT = 240_000;

interface ProbeLine {
  component: string;
  check: string;
  ok: boolean;
  message: string;
}

// `validate --probe` against real servers on loopback: fauxqs for S3 and SQS, the CloudWatch Logs fake,
// an HTTPS receiver whose certificate comes from a private CA, and an OTLP/HTTP receiver.
describe('jackwatch validate --probe', () => {
  let dir: string;
  let fauxqs: Fauxqs;
  let logs: FakeCloudWatchLogs;
  let https: WebhookReceiver;
  let otlp: OtlpHttpReceiver;
  let queueUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-probe-'));
    await mkdir(join(dir, 'logs'));
    fauxqs = await startFauxqs();
    await fauxqs.createBucket('org-trail');
    ({ queueUrl } = await fauxqs.createQueue('trail-events', { deadLetterAfter: 3 }));
    logs = await startFakeCloudWatchLogs();
    logs.store.createLogGroup('/aws/cloudtrail/org');
    const [cert, key] = await Promise.all([readFile(join(TLS_DIR, 'server.crt')), readFile(join(TLS_DIR, 'server.key'))]);
    https = await WebhookReceiver.start({ tls: { cert, key } });
    otlp = await OtlpHttpReceiver.start();
  });
  afterAll(async () => {
    await Promise.all([fauxqs.stop(), logs.close(), https.close(), otlp.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  async function writeConfig(name: string, sources: Record<string, string>, sinks: Record<string, string>): Promise<string> {
    const file = join(dir, name);
    const lines = ['sources:', ...Object.entries(sources).map(([id, body]) => `  ${id}: ${body}`), 'detectors: { aws-bedrock-logging-deletion: {} }', 'sinks:'];
    lines.push(...Object.entries(sinks).map(([id, body]) => `  ${id}: ${body}`));
    lines.push(`pipelines: { default: { sources: [${Object.keys(sources).join(', ')}], detectors: [aws-bedrock-logging-deletion], sinks: [${Object.keys(sinks).join(', ')}] } }`);
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  }

  const s3 = (extra: string): string => `{ endpoint: "${fauxqs.endpoint}", region: us-east-1, ${extra} }`;
  const cloudwatch = (group: string): string => `{ endpoint: "${logs.endpoint}", region: us-east-1, logGroups: ["${group}"] }`;

  it('passes when every path, bucket, queue, log group and receiver is there, one line per check, and sends no data', async () => {
    const file = await writeConfig(
      'reachable.yaml',
      {
        file: '{ paths: [./logs] }',
        's3/poll': s3('bucket: org-trail'),
        's3/sqs': s3(`queueUrl: "${queueUrl}"`),
        'cloudwatch-logs': cloudwatch('/aws/cloudtrail/org'),
      },
      {
        'webhook/tls': `{ url: "${https.url}", tls: { ca: ${join(TLS_DIR, 'ca.crt')} }, deadLetter: ./dead/webhook.jsonl }`,
        otlp: `{ endpoint: "${otlp.endpoint}" }`,
        stdout: '{}',
      },
    );
    const { code, stdout, stderr } = await runCli(['validate', '--config', file, '--probe'], { env: fauxqsEnvironment() });
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.every((line) => line.startsWith('ok  '))).toBe(true);
    for (const expected of [
      /^ok {4}file {2}path \.\/logs: readable directory /,
      /^ok {4}s3\/poll {2}aws credentials: resolved \(a long-term access key\), region us-east-1$/,
      /^ok {4}s3\/poll {2}s3:HeadBucket s3:\/\/org-trail: reachable/,
      /^ok {4}s3\/sqs {2}sqs:GetQueueAttributes .*trail-events: reachable$/,
      /^ok {4}cloudwatch-logs {2}logs:DescribeLogGroups \/aws\/cloudtrail\/org: exists/,
      /^ok {4}webhook\/tls {2}tls 127\.0\.0\.1:\d+: verified: localhost, issued by jackwatch test CA/,
      /^ok {4}webhook\/tls {2}dead-letter .*webhook\.jsonl: can be created/,
      /^ok {4}otlp {2}tcp 127\.0\.0\.1:\d+: accepts connections/,
    ]) {
      expect(lines.some((line) => expected.test(line)), `${expected}\n${stdout}`).toBe(true);
    }
    expect(stderr).toMatch(/valid \(1 pipeline\(s\)\); probe: 11 check\(s\), 11 passed, 0 failed/);
    // Nothing was sent: no POST to the receivers, no log event read.
    expect(https.requests).toHaveLength(0);
    expect(otlp.requests).toHaveLength(0);
    expect(logs.requests.map((r) => r.operation)).not.toContain('FilterLogEvents');
  }, CLI_TIMEOUT);

  it('fails with exit 1 and says what is wrong: a missing bucket, queue, log group and path, an unresolvable host, an unverified certificate', async () => {
    const file = await writeConfig(
      'unreachable.yaml',
      {
        file: '{ paths: [./no-such-dir] }',
        's3/poll': s3('bucket: no-such-bucket'),
        's3/sqs': s3(`queueUrl: "${fauxqs.endpoint}/000000000000/no-such-queue"`),
        'cloudwatch-logs': cloudwatch('/aws/cloudtrail/none'),
      },
      {
        'webhook/private-ca': `{ url: "${https.url}" }`,
        'webhook/nowhere': '{ url: "https://hooks.jackwatch.invalid/T000/B000/secret-token-path" }',
      },
    );
    const { code, stdout, stderr } = await runCli(['validate', '--config', file, '--probe', '--output', 'json', '--probe-timeout', '10s'], { env: fauxqsEnvironment() });
    expect(code, stderr).toBe(1);
    const document = JSON.parse(stdout) as { valid: boolean; probes: ProbeLine[]; probesFailed: number };
    expect(document.valid).toBe(true);
    const failed = (component: string, check: RegExp): ProbeLine | undefined => document.probes.find((p) => p.component === component && check.test(p.check) && !p.ok);
    expect(failed('file', /^path \.\/no-such-dir$/)?.message).toMatch(/does not exist/);
    expect(failed('s3/poll', /^s3:HeadBucket s3:\/\/no-such-bucket$/)?.message).toMatch(/s3:\/\/no-such-bucket does not exist/);
    expect(failed('s3/sqs', /^sqs:GetQueueAttributes /)?.message).toMatch(/does not exist|QueueDoesNotExist|NonExistentQueue/);
    expect(failed('cloudwatch-logs', /^logs:DescribeLogGroups \/aws\/cloudtrail\/none$/)?.message).toMatch(/was not found/);
    expect(failed('webhook/private-ca', /^tls 127\.0\.0\.1:\d+$/)?.message).toMatch(/certificate not verified: .*tls\.ca/);
    expect(failed('webhook/nowhere', /^dns hooks\.jackwatch\.invalid$/)?.message).toMatch(/does not resolve/);
    // The credentials themselves were fine.
    expect(document.probes.filter((p) => p.check === 'aws credentials').every((p) => p.ok)).toBe(true);
    expect(document.probesFailed).toBe(document.probes.filter((p) => !p.ok).length);
    // A webhook URL's path holds its token: no check names it.
    expect(stdout).not.toContain('secret-token-path');
    expect(stderr).not.toContain('secret-token-path');
  }, CLI_TIMEOUT);

  it('fails the credentials check when the default chain finds none', async () => {
    const file = await writeConfig('no-credentials.yaml', { 's3/poll': s3('bucket: org-trail') }, { stdout: '{}' });
    const env = {
      ...fauxqsEnvironment(),
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'),
      AWS_CONFIG_FILE: join(dir, 'none'),
      AWS_WEB_IDENTITY_TOKEN_FILE: '',
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '',
      AWS_CONTAINER_CREDENTIALS_FULL_URI: '',
    };
    const { code, stdout, stderr } = await runCli(['validate', '--config', file, '--probe'], { env });
    expect(code, stderr).toBe(1);
    expect(stdout).toMatch(/^FAIL {2}s3\/poll {2}aws credentials: no AWS credentials resolved .*AWS_PROFILE/m);
  }, CLI_TIMEOUT);
});

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../../packages/sinks/src/testing/webhook-receiver.ts';
import { allRulesConfig, copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { REPO_ROOT, runCli } from '../support/run-cli.ts';

// A hung CLI is killed after this long; it then has no exit code and the test fails on it.
const KILL_AFTER_MS = 30_000;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'jackwatch-config-traps-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

async function configFile(name: string, text: string): Promise<string> {
  const file = join(work, name);
  await writeFile(file, text);
  return file;
}

/** A 1 KB "billion laughs": nine levels of ten aliases each, 10^9 values once expanded. */
function aliasBomb(): string {
  const rows = ['l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let level = 1; level < 9; level++) rows.push(`l${level}: &l${level} [${Array(10).fill(`*l${level - 1}`).join(', ')}]`);
  return `${rows.join('\n')}\npipelines: {}\n`;
}

describe('a config that would run a detector twice', () => {
  it('is refused by validate as by run, naming the file, the line and both entries: a pack and one of its rules listed again', async () => {
    const logs = join(work, 'twice-logs');
    await mkdir(logs, { recursive: true });
    const file = await configFile('twice.yaml', [
      'sources: { file: { paths: [./twice-logs] } }',
      'detectors: { aws-bedrock: {}, aws-bedrock-logging-deletion: {} }',
      'sinks: { stdout: {} }',
      'pipelines:',
      '  default:',
      '    sources: [file]',
      '    detectors: [aws-bedrock, aws-bedrock-logging-deletion]',
      '    sinks: [stdout]',
      '',
    ].join('\n'));
    for (const command of ['validate', 'run']) {
      const { code, stdout, stderr } = await runCli([command, '--config', file], { timeoutMs: KILL_AFTER_MS });
      expect(code, `${command}: ${stderr}`).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${file}:7:30: pipelines.default.detectors[1]: detectors aws-bedrock and aws-bedrock-logging-deletion both run "aws-bedrock-logging-deletion"`);
    }
  }, 90_000);
});

describe('a config made to stall the loader', () => {
  it('refuses an alias bomb in validate and run, naming the file, the line and the limit', async () => {
    const file = await configFile('bomb.yaml', aliasBomb());
    for (const command of ['validate', 'run']) {
      const { code, stdout, stderr } = await runCli([command, '--config', file], { timeoutMs: KILL_AFTER_MS });
      expect(code, `${command}: ${stderr}`).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${file}:4:45: YAML aliases expand to more than 10000 values here`);
    }
  }, 90_000);

  it('refuses an alias inside its own anchor, which would never end', async () => {
    const file = await configFile('recursive.yaml', 'a: &a [*a, *a]\n');
    const { code, stderr } = await runCli(['validate', '--config', file], { timeoutMs: KILL_AFTER_MS });
    expect(code, stderr).toBe(2);
    expect(stderr).toContain(`${file}:1:8: alias *a is inside its own anchor &a, a structure without end`);
  });

  it('refuses a config file larger than 1 MiB before parsing it', async () => {
    const file = await configFile('huge.yaml', `# ${'x'.repeat(1024 * 1024)}\n`);
    const { code, stderr } = await runCli(['validate', '--config', file], { timeoutMs: KILL_AFTER_MS });
    expect(code, stderr).toBe(2);
    expect(stderr).toContain(`${file}: the file is larger than 1 MiB, the most a config may be`);
  });

  it('fails a fixture case whose case.yaml is an alias bomb, naming it', async () => {
    const dir = join(work, 'cases', 'bomb');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'case.yaml'), aliasBomb());
    const { code, stdout } = await runCli(['test', join(work, 'cases')], { timeoutMs: KILL_AFTER_MS, cwd: work });
    expect(code, stdout).toBe(1);
    expect(stdout).toContain('FAIL  bomb');
    expect(stdout).toContain('cases/bomb/case.yaml:4:45: YAML aliases expand to more than 10000 values here');
  });
});

describe('a literal webhook URL', () => {
  let receiver: WebhookReceiver | undefined;
  afterEach(async () => receiver?.close());

  it('is shown by validate and in run logs only up to its origin', async () => {
    receiver = await WebhookReceiver.start();
    receiver.setDefault({ kind: 'respond', status: 503 });
    const origin = new URL(receiver.url).origin;
    const dir = await copyQuickstartLogs();
    const config = `service:\n  logs: { level: debug }\n${allRulesConfig(join(dir, 'logs'))}`.replace(
      '  stdout:\n    format: json\n',
      [
        '  stdout:',
        '    format: json',
        '  webhook/siem:',
        `    url: ${origin}/lit/literalurl-SECRET-99?key=query-SECRET-98`,
        '    headers: { X-Team-Key: header-SECRET-97 }',
        '    maxRetries: 0',
        '    batch: { maxWait: 50ms }',
        '',
      ].join('\n'),
    ).replace('sinks: [stdout]', 'sinks: [stdout, webhook/siem]');
    const file = join(dir, 'config.yaml');
    await writeFile(file, config);

    const validate = await runCli(['validate', '--config', file]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain(`url: ${origin}/***`);
    expect(validate.stdout).toContain('X-Team-Key: "***"');

    const run = await runCli(['run', '--config', file]);
    expect(run.code, run.stderr).toBe(0);
    expect(receiver.requests.length).toBeGreaterThan(0);
    expect(run.stderr).toContain(`target=${origin}`);
    for (const output of [validate.stdout, validate.stderr, run.stdout, run.stderr]) {
      expect(output).not.toMatch(/SECRET-9\d/);
    }
  }, 90_000);
});

describe('a bare number where a duration or size belongs', () => {
  it('is refused at file:line with its path, for every duration and size of every component', async () => {
    const file = await configFile(
      'bare-numbers.yaml',
      [
        'sources:',
        '  file: { paths: [./logs], pollInterval: 2000, maxWholeFileSize: 32, maxRecordSize: 0 }',
        '  s3: { bucket: trail, pollInterval: 60, lateDelivery: 15 }',
        '  s3/sqs: { queueUrl: "http://127.0.0.1:1/000000000000/q", waitTime: 20, visibilityTimeout: 600 }',
        '  cloudwatch-logs: { logGroups: [trail], pollInterval: 30, ingestionDelay: 5 }',
        'detectors:',
        '  aws-bedrock-enum-then-invoke-long-term-key: { maxSpan: 15 }',
        '  aws-bedrock-list-models-failures: { window: 90, suppress: { by: [user], for: 3600 } }',
        'sinks:',
        '  webhook: { url: "http://127.0.0.1:1/", timeout: 10, batch: { maxWait: 1 }, backoff: { initial: 1, max: 30 }, shutdownTimeout: 30, circuitBreaker: { probeInterval: 30 } }',
        '  otlp: { timeout: 10 }',
        'pipelines:',
        '  default:',
        '    sources: [file]',
        '    detectors: [aws-bedrock-enum-then-invoke-long-term-key]',
        '    sinks: [webhook]',
        '    allowedLateness: 0',
        '    ordering: { lateness: 90 }',
        '',
      ].join('\n'),
    );
    const { code, stdout, stderr } = await runCli(['validate', '--config', file]);
    expect(code, stderr).toBe(2);
    expect(stdout).toBe('');
    const unitless = stderr.split('\n').filter((line) => line.includes('has no unit') || line.includes('needs a unit'));
    expect(unitless.map((line) => line.slice(file.length + 1).replace(/: .*$/, ''))).toEqual([
      '2:42',
      '2:66',
      '2:85',
      '3:38',
      '3:56',
      '4:70',
      '4:93',
      '5:56',
      '5:76',
      '7:58',
      '8:47',
      '8:80',
      '10:51',
      '10:73',
      '10:98',
      '10:106',
      '10:129',
      '10:166',
      '11:20',
      '17:22',
      '18:27',
    ]);
    expect(stderr).toContain(`${file}:7:58: detectors.aws-bedrock-enum-then-invoke-long-term-key.maxSpan: 15 has no unit; write it with one, like 15s, 15m or 15h (ms and d work too)`);
    expect(stderr).toContain(`${file}:17:22: pipelines.default.allowedLateness: a duration needs a unit: write 0s, not 0`);
    expect(stderr).toContain(`${file}:2:66: sources.file.maxWholeFileSize: 32 has no unit; write it with one, like 32B, 32KiB or 32MiB (KB, MB, GB and GiB work too)`);
  });

  it('is refused in a fixture case too', async () => {
    const dir = join(work, 'lateness-cases', 'bare');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, 'case.yaml'),
      ['detector: aws-bedrock-logging-deletion', 'arrival:', '  lateness: 0', 'expect:', '  findings: []', ''].join('\n'),
    );
    await writeFile(join(dir, 'events.ndjson'), '');
    const { code, stdout } = await runCli(['test', join(work, 'lateness-cases')], { cwd: work });
    expect(code, stdout).toBe(1);
    expect(stdout).toContain('lateness-cases/bare/case.yaml:3: arrival.lateness: a duration needs a unit: write 0s, not 0');
  });
});

describe('${env:…} inside a flow sequence', () => {
  it('gets a hint to quote it or use a block list, at its line', async () => {
    const file = await configFile('flow.yaml', allRulesConfig('./logs').replace('paths: ["./logs"]', 'paths: [${env:LOG_DIR}]'));
    const { code, stderr } = await runCli(['validate', '--config', file], { env: { LOG_DIR: './logs' } });
    expect(code, stderr).toBe(2);
    expect(stderr).toContain(
      `${file}:3:13: \${env:LOG_DIR} inside [ ] or { } must be quoted, or YAML reads its "{" as a mapping: write ["\${env:LOG_DIR}"] (or { key: "\${env:LOG_DIR}" }), or use block style with one "- \${env:LOG_DIR}" per line`,
    );
  });
});

describe('usage errors', () => {
  it('exit 2 with the problem on stderr: unknown command or option, missing --config or argument, unreadable config', async () => {
    const cases: [string[], RegExp][] = [
      [['bogus'], /unknown command 'bogus'/],
      [['run', '--bogus'], /unknown option '--bogus'/],
      [['validate'], /required option '-c, --config <file>' not specified/],
      [['validate', '--config'], /option '-c, --config <file>' argument missing/],
      [['redeliver'], /required option '-c, --config <file>' not specified/],
      [['test'], /missing required argument 'dir'/],
      [['run', 'extra'], /too many arguments for 'run'/],
      [['validate', '--config', join(work, 'missing.yaml')], /missing\.yaml: cannot read the file: no such file/],
      [['run', '--config', work], /: cannot read the file: it is a directory/],
      [['components', '--config', join(work, 'missing.yaml')], /missing\.yaml: cannot read the file: no such file/],
      [[], /Usage: jackwatch/],
    ];
    const results = [];
    for (const [args] of cases) results.push(await runCli(args, { cwd: REPO_ROOT }));
    results.forEach((result, index) => {
      const [args, message] = cases[index]!;
      expect(result.code, `jackwatch ${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(message);
    });
  }, 180_000);

  it('exit 0 for --help and --version', async () => {
    const [help, version] = await Promise.all([runCli(['--help']), runCli(['--version'])]);
    expect([help.code, version.code]).toEqual([0, 0]);
    expect(help.stdout).toContain('Usage: jackwatch');
    expect(version.stdout).toMatch(/^jackwatch \d+\.\d+\.\d+\n/);
  }, 60_000);
});

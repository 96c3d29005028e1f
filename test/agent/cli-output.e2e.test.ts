import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AGENT_VERSION } from '../../packages/agent/src/version.ts';
import { linkFromRepo, siteConfig, siteDir, writePackage } from '../plugins/support/site.ts';
import { copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';

// A plugin whose sink offers `probe`: validate --probe runs it like a first-party one, and --version lists the plugin.
const PAGER_PLUGIN = `export default {
  name: '@acme/pager', version: '2.3.4', apiVersion: 1,
  components: [{
    kind: 'sink', type: 'acme-pager', stability: 'alpha', description: 'pages the on-call person',
    configSchema: { safeParse: (value) => ({ success: true, data: value ?? {} }) },
    create: () => { throw new Error('not created by validate'); },
    probe: async (config, context) => [{ check: 'pager api key', ok: false, message: 'expired for ' + context.id }],
  }],
};
`;

// Each test starts the CLI a few times; on a busy machine one start takes seconds.
const CLI_TIMEOUT = 240_000;

interface Listed {
  type: string;
  origin: string;
  capabilities: string[];
}

describe('the CLI for machines and people', () => {
  let site: string;
  beforeAll(async () => {
    site = await siteDir();
    await linkFromRepo(site, ['@jackwatch/core']);
    await writePackage(join(site, 'node_modules/@acme/pager'), { name: '@acme/pager', version: '2.3.4', type: 'module', main: 'index.js' }, { 'index.js': PAGER_PLUGIN });
    await writeFile(join(site, 'events.ndjson'), '');
    await writeFile(
      join(site, 'pager.yaml'),
      siteConfig(['@acme/pager'], ['aws-bedrock-logging-deletion']).replace('  stdout: { format: json }', '  stdout: { format: json }\n  acme-pager: {}').replace('sinks: [stdout]', 'sinks: [stdout, acme-pager]'),
    );
    await writeFile(join(site, 'bad.yaml'), 'sources:\n  file: { paths: [./logs], bogus: 1 }\nsinks:\n  webhook: { url: not-a-url }\npipelines: {}\n');
  });
  afterAll(async () => {
    await rm(site, { recursive: true, force: true });
  });

  it('prints every --help with an example, the exit codes and the environment variables the command reads', async () => {
    const commands = [['run'], ['validate'], ['components'], ['redeliver'], ['checkpoints', 'show'], ['checkpoints', 'reset'], ['test'], ['sigma', 'check']];
    // One after another: eight CLI starts at once can outlast runCli's own limit on a busy machine.
    const helps = [];
    for (const command of commands) helps.push(await runCli([...command, '--help'], { timeoutMs: 120_000 }));
    for (const [i, help] of helps.entries()) {
      const name = commands[i]!.join(' ');
      expect(help.code, name).toBe(0);
      expect(help.stdout, name).toContain(`Example:\n  $ jackwatch ${name}`);
      expect(help.stdout, name).toMatch(/Exit codes:\n {2}0 {2}.+\n( {2}1 {2}.+\n)? {2}2 {2}.+\n/);
      expect(help.stdout, name).toContain('Environment:\n');
    }
    expect(helps[0]!.stdout).toMatch(/Environment:\n(.*\n)*.*AWS_REGION/);
  }, CLI_TIMEOUT);

  it('prints the versions of the agent, core, Node and built-in packages, and with --config its plugins; as JSON too', async () => {
    const [text, json, withPlugin] = await Promise.all([
      runCli(['--version']),
      runCli(['--version', '--output', 'json']),
      runCli(['--version', '--config', join(site, 'pager.yaml'), '--output', 'json']),
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^jackwatch ${AGENT_VERSION.replaceAll('.', '\\.')}\\n@jackwatch/core \\S+ \\(plugin API \\d+\\)\\nnode \\d+\\.`));
    const report = JSON.parse(json.stdout) as { agent: string; core: string; plugins: { name: string; version: string; builtIn: boolean }[] };
    expect(report.agent).toBe(AGENT_VERSION);
    expect(report.plugins.map((p) => p.name)).toEqual(expect.arrayContaining(['@jackwatch/sources', '@jackwatch/sinks']));
    expect(withPlugin.code, withPlugin.stderr).toBe(0);
    expect((JSON.parse(withPlugin.stdout) as typeof report).plugins).toContainEqual({ name: '@acme/pager', version: '2.3.4', builtIn: false, specifier: '@acme/pager' });
  }, CLI_TIMEOUT);

  it('lists the components as JSON and YAML, each with its origin and capabilities, a plugin included', async () => {
    const [json, yaml] = await Promise.all([runCli(['components', '--output', 'json', '--config', join(site, 'pager.yaml')]), runCli(['components', '--output', 'yaml'])]);
    expect(json.code, json.stderr).toBe(0);
    const listed = JSON.parse(json.stdout) as { sources: Listed[]; sinks: Listed[]; config: { valid: boolean; detectors: { id: string }[] } };
    expect(listed.sources.find((s) => s.type === 's3')).toMatchObject({ origin: `@jackwatch/sources@${AGENT_VERSION}`, capabilities: ['probe'] });
    expect(listed.sinks.find((s) => s.type === 'webhook')?.capabilities).toEqual(['probe', 'redeliver']);
    expect(listed.sinks.find((s) => s.type === 'acme-pager')).toMatchObject({ origin: '@acme/pager@2.3.4', capabilities: ['probe'] });
    expect(listed.config).toMatchObject({ valid: true, detectors: [{ id: 'aws-bedrock-logging-deletion' }] });
    expect(yaml.code, yaml.stderr).toBe(0);
    const fromYaml = parse(yaml.stdout) as { sources: Listed[]; processors: Listed[]; detectors: Listed[]; sinks: Listed[] };
    expect(fromYaml.processors.map((p) => p.type)).toContain('filter');
    expect(fromYaml.detectors.map((d) => d.type)).toContain('aws-bedrock');
    const bad = await runCli(['components', '--output', 'xml']);
    expect(bad.code).toBe(2);
  }, CLI_TIMEOUT);

  it('validate --output json gives every config error with file, path, line and message as fields, exit 2', async () => {
    const file = join(site, 'bad.yaml');
    const { code, stdout } = await runCli(['validate', '--config', file, '--output', 'json']);
    expect(code).toBe(2);
    const document = JSON.parse(stdout) as { valid: boolean; errors: { file: string; path: string; line: number; column: number; message: string }[] };
    expect(document.valid).toBe(false);
    expect(document.errors).toContainEqual(expect.objectContaining({ file, path: 'sources.file.bogus', line: 2, message: expect.stringContaining('bogus') }));
    expect(document.errors).toContainEqual(expect.objectContaining({ file, path: 'sinks.webhook.url', line: 4 }));
    const missing = await runCli(['validate', '--config', join(site, 'missing.yaml'), '--output', 'json']);
    expect(missing.code).toBe(2);
    expect((JSON.parse(missing.stdout) as typeof document).errors[0]).toMatchObject({ file: join(site, 'missing.yaml'), line: null, message: expect.stringContaining('cannot read') });
  }, CLI_TIMEOUT);

  it("validate --probe runs a plugin component's probe and exits 1 when it fails", async () => {
    const { code, stdout, stderr } = await runCli(['validate', '--config', join(site, 'pager.yaml'), '--probe']);
    expect(code, stderr).toBe(1);
    expect(stdout).toContain('FAIL  acme-pager  pager api key: expired for acme-pager');
    expect(stdout).toMatch(/^ok {4}file {2}path events\.ndjson: readable file /m);
  }, CLI_TIMEOUT);

  it('with logs.format json every stderr line is JSON, warnings carry their component, and the summary is one object', async () => {
    const dir = await copyQuickstartLogs();
    try {
      await mkdir(join(dir, 'logs', 'empty'));
      await writeFile(join(dir, 'logs', 'empty', 'nothing.json'), '');
      const config = join(dir, 'config.yaml');
      await writeFile(config, `service: { checkpoints: { memory: true }, logs: { format: json } }\nsources: { file: { paths: [./logs] } }\ndetectors: { aws-bedrock: {} }\nsinks: { stdout: {}, stdout/unused: {} }\npipelines: { default: { sources: [file], detectors: [aws-bedrock], sinks: [stdout] } }\n`);
      const { code, stdout, stderr } = await runCli(['run', '--config', config]);
      expect(code, stderr).toBe(0);
      const lines = stderr.trim().split('\n');
      const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records.find((r) => r['level'] === 'warn' && r['component'] === 'file'), stderr).toBeDefined();
      // A config warning says where, as fields.
      expect(records.find((r) => r['level'] === 'warn' && r['path'] === 'sinks.stdout/unused'), stderr).toMatchObject({ file: config, line: 4 });
      const summary = records.at(-1) as { message: string; level: string; exitCode: number; pipelines: { pipeline: string; eventsRead: { total: number; bySource: Record<string, number> }; findings: { total: number }; sinks: Record<string, { delivered: number; lost: number }>; skippedEntries: { count: number }; problems: string[] }[] };
      expect(summary).toMatchObject({ message: 'run summary', level: 'info', exitCode: 0 });
      const [pipeline] = summary.pipelines;
      expect(pipeline).toMatchObject({ pipeline: 'default', problems: [], skippedEntries: { count: 1 } });
      expect(pipeline!.eventsRead.total).toBe(pipeline!.eventsRead.bySource['file']);
      expect(pipeline!.findings.total).toBe(jsonLines(stdout).length);
      expect(pipeline!.sinks['stdout']).toMatchObject({ delivered: pipeline!.findings.total, lost: 0 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, CLI_TIMEOUT);

  it('a component that does not start is named: a field of the JSON error record, and the text error line', async () => {
    const dir = await copyQuickstartLogs();
    try {
      const config = (format: string) => `service: { checkpoints: { memory: true }, logs: { format: ${format} } }\nsources: { file: { paths: [./logs] } }\ndetectors: { aws-bedrock: {} }\nsinks: { webhook/pager: { url: "https://127.0.0.1:9/hook", tls: { ca: ./missing-ca.pem } } }\npipelines: { default: { sources: [file], detectors: [aws-bedrock], sinks: [webhook/pager] } }\n`;
      await writeFile(join(dir, 'json.yaml'), config('json'));
      await writeFile(join(dir, 'text.yaml'), config('text'));
      const json = await runCli(['run', '--config', join(dir, 'json.yaml')]);
      expect(json.code, json.stderr).toBe(1);
      const records = json.stderr.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(records.at(-1)).toMatchObject({ level: 'error', component: 'webhook/pager', message: expect.stringMatching(/^sink webhook\/pager did not start: cannot read tls\.ca .*missing-ca\.pem/) });
      const text = await runCli(['run', '--config', join(dir, 'text.yaml')]);
      expect(text.code, text.stderr).toBe(1);
      expect(text.stderr).toMatch(/jackwatch: sink webhook\/pager did not start: cannot read tls\.ca .*missing-ca\.pem/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, CLI_TIMEOUT);
});

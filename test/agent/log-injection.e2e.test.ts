import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const FORGED = 'jackwatch error: FORGED';

describe('jackwatch run, text logs, input that quotes line breaks and terminal escapes', () => {
  let dir: string | undefined;
  afterEach(() => (dir === undefined ? undefined : rm(dir, { recursive: true, force: true })));

  it('cannot forge a log line or drive the terminal through a record\'s fields or a file\'s name', async () => {
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-log-injection-'));
    const logs = join(dir, 'logs');
    await mkdir(logs);
    const record = { eventTime: 'never', eventSource: `bedrock.amazonaws.com\n${FORGED} \u001b[2J`, eventName: 'X\r\nY' };
    await writeFile(join(logs, 'a.json'), JSON.stringify({ Records: [record] }));
    await writeFile(join(logs, `b\n${FORGED}.json`), '{"Records": [');
    await writeFile(join(logs, `c\u001b[31m.json`), '');
    const config = join(dir, 'config.yaml');
    await writeFile(
      config,
      `service: { checkpoints: { memory: true }, logs: { format: text } }
sources:
  file: { paths: [${JSON.stringify(logs)}] }
detectors:
  aws-bedrock-logging-deletion: {}
sinks:
  stdout: {}
pipelines:
  default: { sources: [file], detectors: [aws-bedrock-logging-deletion], sinks: [stdout] }
`,
    );
    const { code, stderr } = await runCli(['run', '--config', config]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(`bedrock.amazonaws.com\\n${FORGED} \\u001b[2J X\\r\\nY has an unreadable eventTime`);
    expect(stderr).toContain(`b\\n${FORGED}.json`);
    expect(stderr).toContain('c\\u001b[31m.json');
    expect(stderr.split('\n').filter((line) => line.startsWith(FORGED))).toEqual([]);
    expect(stderr).not.toMatch(/[\u001b\r]/);
  });
});

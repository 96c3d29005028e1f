import { execFileSync } from 'node:child_process';
import { readdir, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '@jackwatch/core';
import { allRulesConfig, copyQuickstartLogs } from '../support/quickstart-copy.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';

const occurrences = (text: string, part: string): number => text.split(part).length - 1;

describe('jackwatch run over a directory holding entries that are not CloudTrail files', () => {
  it('delivers every finding once, reports each bad entry once in the log and the summary, and ends', async () => {
    const dir = await copyQuickstartLogs();
    const logs = join(dir, 'logs');
    const trail = join(logs, 'AWSLogs/111122223333/CloudTrail/us-east-1/2026/11/20');
    const fifo = join(logs, 'AWSLogs/incoming.json');
    const socket = join(logs, 'AWSLogs/agent.json.gz');
    const empty = join(trail, '111122223333_CloudTrail_us-east-1_20261120T1005Z_0000000000000000.json.gz');
    const selfLink = join(logs, 'AWSLogs/self.json');
    execFileSync('mkfifo', [fifo]);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    await writeFile(empty, '');
    await symlink('self.json', selfLink);
    await symlink('../..', join(logs, 'AWSLogs/111122223333/loop')); // back up to logs/: a loop
    await symlink(join(trail, (await readdir(trail)).sort()[0]!), join(logs, 'AWSLogs/copy.json.gz')); // the same file twice
    await symlink(join(logs, 'AWSLogs'), join(dir, 'logs-again'));
    const config = join(dir, 'config.yaml');
    // The FIFO also named on its own, and the tree listed again through a link and a glob.
    await writeFile(config, allRulesConfig(logs).replace(`paths: [${JSON.stringify(logs)}]`, `paths: [${JSON.stringify(logs)}, ${JSON.stringify(fifo)}, ${JSON.stringify(join(dir, 'logs-again'))}, ${JSON.stringify(`${logs}/**/*.json*`)}]`));

    try {
      const { code, stdout, stderr } = await runCli(['run', '--config', config], { timeoutMs: 60_000 });
      expect(code, stderr).toBe(0);
      const findings = jsonLines<Finding>(stdout);
      expect(findings).toHaveLength(5);
      expect(new Set(findings.map((f) => f.id)).size).toBe(5);
      expect(stderr).toMatch(/pipeline default: 1077 events/); // as many as a clean run of the quickstart logs with these rules: no file read twice
      expect(stderr).toMatch(/skipped: {2}4 entries that cannot be read as CloudTrail: /);
      for (const [reason, path] of [['fifo', fifo], ['socket', socket], ['empty', empty], ['link-loop', selfLink]] as const) {
        expect(occurrences(stderr, `jackwatch warn: skipped ${path}: `), `${path} logged once`).toBe(1);
        expect(occurrences(stderr, `            ${reason}: ${path}\n`), `${path} in the summary once`).toBe(1);
      }
      expect(stderr).not.toContain('rejected input');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

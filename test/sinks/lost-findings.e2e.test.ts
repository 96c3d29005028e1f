import { execFileSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Finding } from '@jackwatch/core';
import { afterEach, describe, expect, it } from 'vitest';
import { linkFromRepo, siteDir, writePackage } from '../plugins/support/site.ts';
import { jsonLines, runCli } from '../support/run-cli.ts';
import { writeHostileTrail } from './support/hostile-trail.ts';

const RULE = 'aws-bedrock-logging-deletion';

/** A loopback URL nobody listens on. */
async function closedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}

/** A plugin whose `acme-siem` sink reports no stats and rejects every export, as a careless third-party sink might. */
const REFUSING_SINK_PLUGIN = `import { definePlugin } from '@jackwatch/core';
import { z } from 'zod';
export default definePlugin({
  name: 'acme-siem', version: '1.0.0', apiVersion: 1,
  components: [{
    kind: 'sink', type: 'acme-siem', stability: 'development', description: 'a SIEM that refuses everything',
    configSchema: z.strictObject({}),
    create: () => ({
      start: async () => {},
      export: async () => { throw new Error('SIEM refused the batch'); },
      forceFlush: async () => {},
      shutdown: async () => {},
    }),
  }],
});
`;

describe('jackwatch run when findings are lost', () => {
  const cleanup: string[] = [];
  afterEach(async () => {
    await Promise.all(cleanup.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('says LOST n and exits 1 when the receiver is down and the dead-letter file cannot be written', async () => {
    const trail = await writeHostileTrail();
    cleanup.push(trail.dir);
    // A directory where the dead-letter file should be: writable at start, but no file can be appended there.
    await mkdir(join(trail.dir, 'dead-letters.jsonl'));
    const file = join(trail.dir, 'config.yaml');
    await writeFile(
      file,
      `service: { checkpoints: { memory: true } }
sources:
  file: { paths: [${JSON.stringify(trail.logs)}] }
detectors:
  ${RULE}: {}
sinks:
  stdout: {}
  webhook: { url: ${await closedUrl()}, maxRetries: 0, deadLetter: dead-letters.jsonl, batch: { maxWait: 50ms } }
pipelines:
  default: { sources: [file], detectors: [${RULE}], sinks: [stdout, webhook] }
`,
    );
    const { code, stdout, stderr } = await runCli(['run', '--config', file]);
    expect(code, stderr).toBe(1);
    expect(jsonLines<Finding>(stdout)).toHaveLength(4);
    expect(stderr).toMatch(/sink stdout: delivered 4, retried 0, dead-lettered 0, queued 0 \(accepted 4\)/);
    expect(stderr).toMatch(/sink webhook: delivered 0, retried 0, dead-lettered 0, queued 0, LOST 4 \(accepted 4\)/);
    expect(stderr).toMatch(/ERRORS: +webhook \d+/);
    expect(stderr).toMatch(/4 finding\(s\) lost: cannot write the dead-letter file: EISDIR/);
  });

  it('refuses at start, promptly and naming it, a named pipe in the dead-letter file\'s place, which would block the drain for good', async () => {
    const trail = await writeHostileTrail();
    cleanup.push(trail.dir);
    const fifo = join(trail.dir, 'dead-letters.fifo');
    execFileSync('mkfifo', [fifo]);
    const file = join(trail.dir, 'config.yaml');
    await writeFile(
      file,
      `service: { checkpoints: { memory: true } }
sources:
  file: { paths: [${JSON.stringify(trail.logs)}] }
detectors:
  ${RULE}: {}
sinks:
  webhook: { url: ${await closedUrl()}, maxRetries: 0, deadLetter: dead-letters.fifo, batch: { maxWait: 50ms } }
pipelines:
  default: { sources: [file], detectors: [${RULE}], sinks: [webhook] }
`,
    );
    const { code, stderr } = await runCli(['run', '--config', file], { timeoutMs: 30_000 });
    expect(code, stderr).toBe(1);
    expect(stderr).toContain(`dead-letter file ${fifo} is a named pipe (FIFO), not a regular file`);
  });

  it('counts the findings of a third-party sink whose export rejects as lost, and exits 1', async () => {
    const trail = await writeHostileTrail();
    const site = await siteDir();
    cleanup.push(trail.dir, site);
    await linkFromRepo(site, ['@jackwatch/core', 'zod']);
    await writePackage(join(site, 'plugins/acme-siem'), { name: 'acme-siem', version: '1.0.0', type: 'module', main: 'index.js' }, { 'index.js': REFUSING_SINK_PLUGIN });
    const file = join(site, 'jackwatch.yaml');
    await writeFile(
      file,
      `plugins: [./plugins/acme-siem]
service: { checkpoints: { memory: true } }
sources:
  file: { paths: [${JSON.stringify(trail.logs)}] }
detectors:
  ${RULE}: {}
sinks:
  stdout: {}
  acme-siem: {}
pipelines:
  default: { sources: [file], detectors: [${RULE}], sinks: [stdout, acme-siem] }
`,
    );
    const { code, stdout, stderr } = await runCli(['run', '--config', file]);
    expect(code, stderr).toBe(1);
    expect(jsonLines<Finding>(stdout)).toHaveLength(4);
    expect(stderr).toMatch(/sink stdout: delivered 4, retried 0, dead-lettered 0, queued 0 \(accepted 4\)/);
    expect(stderr).toMatch(/sink acme-siem: delivered 0, retried 0, dead-lettered 0, queued 0, LOST 4 \(accepted 4; counted by the runtime: the sink reports no stats\)/);
    expect(stderr).toMatch(/ERRORS: +acme-siem 1 /);
    expect(stderr).toMatch(/SIEM refused the batch/);
  });
});

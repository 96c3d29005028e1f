import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli-process.ts';
import { writeHostileTrail } from './support/hostile-trail.ts';

const RULE = 'aws-bedrock-logging-deletion';

/** A receiver that takes every request and never answers; `firstRequest` resolves when the first one arrives. */
async function silentReceiver(): Promise<{ server: Server; url: string; firstRequest: Promise<void> }> {
  let arrived!: () => void;
  const firstRequest = new Promise<void>((resolve) => (arrived = resolve));
  const server = createServer((req) => {
    req.resume();
    arrived();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, firstRequest };
}

describe('SIGTERM while a sink retries a receiver that never answers', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    await Promise.all(cleanup.splice(0).map((undo) => undo()));
  });

  it('drains within the sink\'s shutdownTimeout: what is left is dead-lettered at the deadline, not after every retry, and the run exits 0', async () => {
    const trail = await writeHostileTrail();
    const receiver = await silentReceiver();
    cleanup.push(() => rm(trail.dir, { recursive: true, force: true }), () => new Promise((resolve) => receiver.server.close(() => resolve())));
    const config = join(trail.dir, 'config.yaml');
    // Every retry of the schedule would take minutes; the shutdown deadline is one second.
    await writeFile(
      config,
      `service: { checkpoints: { dir: ./checkpoints } }
sources:
  file: { paths: [${JSON.stringify(trail.logs)}], follow: true }
detectors:
  ${RULE}: {}
sinks:
  webhook: { url: ${receiver.url}, timeout: 20s, maxRetries: 5, backoff: { initial: 10s, max: 30s }, shutdownTimeout: 1s, deadLetter: dead-letters.jsonl, batch: { maxWait: 50ms } }
pipelines:
  default: { sources: [file], detectors: [${RULE}], sinks: [webhook] }
`,
    );
    const agent = startCli(config, {});
    await receiver.firstRequest;
    agent.child.kill('SIGTERM');
    expect(await agent.exited(), agent.stderr()).toBe(0);
    receiver.server.closeAllConnections();
    const entries = (await readFile(join(trail.dir, 'dead-letters.jsonl'), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { reason: string; attempts: number });
    expect(entries).toHaveLength(4);
    for (const entry of entries) expect(entry.reason).toMatch(/\(shutdown deadline\)$/);
    expect(agent.stderr()).toMatch(/sink webhook: delivered 0, retried 0, dead-lettered 4, queued 0 \(accepted 4\)/);
  });
});

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../testing/webhook-receiver.ts';
import { probeDeadLetterFile, probeEndpoint } from './probe-endpoint.ts';
import { tlsSchema } from './tls-config.ts';

const tlsDir = fileURLToPath(new URL('../testing/tls/', import.meta.url));
const options = { signal: new AbortController().signal, timeoutMs: 10_000 };

describe('probeEndpoint', () => {
  let https: WebhookReceiver;
  let dir: string;
  beforeAll(async () => {
    const [cert, key] = await Promise.all([readFile(`${tlsDir}server.crt`), readFile(`${tlsDir}server.key`)]);
    https = await WebhookReceiver.start({ tls: { cert, key } });
    dir = await mkdtemp(join(tmpdir(), 'jackwatch-probe-endpoint-'));
  });
  afterAll(async () => {
    await https.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('verifies the certificate against tls.ca (relative to the config directory), and sends no request', async () => {
    const [result] = await probeEndpoint(new URL(https.url), tlsSchema.parse({ ca: 'ca.crt' }), tlsDir, options);
    expect(result).toMatchObject({ check: expect.stringMatching(/^tls 127\.0\.0\.1:\d+$/), ok: true, message: expect.stringContaining('verified: localhost, issued by jackwatch test CA') });
    expect(https.requests).toHaveLength(0);
  });

  it('fails a certificate from a CA it was not given, and says where to give it', async () => {
    const [result] = await probeEndpoint(new URL(https.url), tlsSchema.parse({}), tlsDir, options);
    expect(result?.ok).toBe(false);
    expect(result?.message).toMatch(/^certificate not verified: .*give that CA in tls\.ca/);
  });

  it('says so when insecureSkipVerify let an unverified certificate through', async () => {
    const [result] = await probeEndpoint(new URL(https.url), tlsSchema.parse({ insecureSkipVerify: true }), tlsDir, options);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('NOT verified') });
  });

  it('fails a tls.ca file that cannot be read, naming it', async () => {
    const [result] = await probeEndpoint(new URL(https.url), tlsSchema.parse({ ca: 'missing-ca.crt' }), tlsDir, options);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining(`cannot read tls.ca ${tlsDir}missing-ca.crt`) });
  });

  it('fails a plain-HTTP receiver that refuses connections', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const [result] = await probeEndpoint(new URL(`http://127.0.0.1:${port}/v1/logs`), tlsSchema.parse({}), dir, options);
    expect(result).toMatchObject({ check: `tcp 127.0.0.1:${port}`, ok: false, message: expect.stringContaining('ECONNREFUSED') });
  });

  it('checks that a dead-letter file can be created, and fails one under a regular file', async () => {
    expect(await probeDeadLetterFile(join(dir, 'dead', 'letters', 'x.jsonl'), options)).toMatchObject({ ok: true, message: `can be created (in ${dir})` });
    await writeFile(join(dir, 'plain'), '');
    expect(await probeDeadLetterFile(join(dir, 'plain', 'x.jsonl'), options)).toMatchObject({ ok: false, message: `cannot be created: ${join(dir, 'plain')} is not a directory` });
  });
});

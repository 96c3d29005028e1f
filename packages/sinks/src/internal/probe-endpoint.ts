import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { connect as connectTcp, isIP, type Socket } from 'node:net';
import { dirname, parse } from 'node:path';
import { connect as connectTls, type TLSSocket } from 'node:tls';
import { probeCheck, type ProbeOptions, type ProbeResult } from '@jackwatch/core';
import type { TlsConfig } from './tls-config.ts';
import { loadTlsMaterial } from './tls-files.ts';

/**
 * Probes a receiver without sending it anything: its host resolves, and
 * then a TLS handshake with the sink's own `tls` settings verifies its
 * certificate (`https:`), or a TCP connection opens (`http:`). The checks
 * name the host and port only — never the path, which may hold a token.
 */
export async function probeEndpoint(url: URL, tls: TlsConfig, baseDir: string, options: ProbeOptions): Promise<ProbeResult[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const where = `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
  const results: ProbeResult[] = [];
  if (isIP(host) === 0) {
    const resolved = await probeCheck(`dns ${host}`, options.timeoutMs, () => resolveHost(host), options.signal);
    results.push(resolved);
    if (!resolved.ok) return results;
  }
  if (secure) {
    results.push(await probeCheck(`tls ${where}`, options.timeoutMs, (signal) => handshake(host, port, tls, baseDir, signal), options.signal));
  } else {
    results.push(await probeCheck(`tcp ${where}`, options.timeoutMs, (signal) => openConnection(host, port, signal), options.signal));
  }
  return results;
}

/**
 * Checks that a dead-letter file can be written where the sink would put
 * it: the file itself when it exists, else the nearest directory that
 * exists on the way to it (the sink creates the rest).
 */
export function probeDeadLetterFile(file: string, options: ProbeOptions): Promise<ProbeResult> {
  return probeCheck(`dead-letter ${file}`, options.timeoutMs, async () => {
    if (await access(file, constants.F_OK).then(() => true, () => false)) {
      await access(file, constants.W_OK).catch((error: Error) => {
        throw new Error(`cannot be written: ${error.message}`);
      });
      return 'exists and can be written';
    }
    let dir = dirname(file);
    while (!(await access(dir, constants.F_OK).then(() => true, () => false)) && dir !== parse(dir).root) dir = dirname(dir);
    if (!(await stat(dir)).isDirectory()) throw new Error(`cannot be created: ${dir} is not a directory`);
    await access(dir, constants.W_OK | constants.X_OK).catch((error: Error) => {
      throw new Error(`cannot be created: ${dir} is not writable (${error.message})`);
    });
    return `can be created (in ${dir})`;
  }, options.signal);
}

async function resolveHost(host: string): Promise<string> {
  const addresses = await lookup(host, { all: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`does not resolve (${error.code ?? error.message}): check the host name and this machine's DNS`);
  });
  return `resolves to ${addresses.map((a) => a.address).join(', ')}`;
}

async function handshake(host: string, port: number, tls: TlsConfig, baseDir: string, signal: AbortSignal): Promise<string> {
  const material = await loadTlsMaterial(tls, baseDir);
  const socket = connectTls({
    host,
    port,
    ...(isIP(host) === 0 && { servername: host }),
    ...(material.ca && { ca: material.ca }),
    ...(material.cert && { cert: material.cert }),
    ...(material.key && { key: material.key }),
    rejectUnauthorized: material.rejectUnauthorized,
  });
  await settle(socket, 'secureConnect', signal).catch((error: Error) => {
    const hint = tls.ca === undefined ? "; if the receiver's certificate comes from a private CA, give that CA in tls.ca" : ` (checked against tls.ca ${tls.ca})`;
    throw new Error(/certificate|self.signed|altname|verify/i.test(error.message) ? `certificate not verified: ${error.message}${hint}` : error.message);
  });
  const certificate = socket.getPeerCertificate();
  socket.destroy();
  if (!material.rejectUnauthorized) return 'handshake done; the certificate was NOT verified (tls.insecureSkipVerify)';
  const subject = certificate.subject?.CN ?? 'the receiver';
  return `verified: ${subject}, issued by ${certificate.issuer?.CN ?? 'unknown'}, valid until ${certificate.valid_to}`;
}

async function openConnection(host: string, port: number, signal: AbortSignal): Promise<string> {
  const socket = connectTcp({ host, port });
  await settle(socket, 'connect', signal);
  socket.destroy();
  return 'accepts connections (plain HTTP: no TLS to verify)';
}

/** Resolves when `socket` emits `event`; rejects on its error or when `signal` aborts, destroying it then. */
function settle(socket: Socket | TLSSocket, event: 'connect' | 'secureConnect', signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = (): void => {
      socket.destroy();
      reject(new Error('stopped'));
    };
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    socket.once(event, () => {
      signal.removeEventListener('abort', abort);
      resolve();
    });
    socket.once('error', (error) => {
      signal.removeEventListener('abort', abort);
      socket.destroy();
      reject(error);
    });
  });
}

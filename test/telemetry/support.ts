import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cloudTrailRecord } from '@jackwatch/core/testing';
import parsePrometheusTextFormat from 'parse-prometheus-text-format';
import type { CliProcess } from '../support/cli-process.ts';

/** Waits (polling) until `check` returns a value other than `undefined`; fails after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The `http://host:port` the agent logged for its health endpoint and, with `scraped`, the URL of its Prometheus scrape. */
export async function agentAddresses(cli: CliProcess, scraped: boolean): Promise<{ health: string; metrics: string }> {
  return eventually('the agent to log its endpoints', () => {
    const health = /health endpoint at (http:\/\/[\d.:]+)/.exec(cli.stderr())?.[1];
    const metrics = /metrics served for Prometheus at (http:\/\/[\d.:]+\/metrics)/.exec(cli.stderr())?.[1];
    if (health === undefined || (scraped && metrics === undefined)) return undefined;
    return { health, metrics: metrics ?? '' };
  });
}

/** GETs `url`: status and parsed JSON body. */
export async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Scrapes `url` and parses the text format: one value per `name{labels}` (labels sorted, scope labels left out). */
export async function scrape(url: string): Promise<Map<string, number>> {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`scrape answered ${response.status}`);
  const values = new Map<string, number>();
  for (const family of parsePrometheusTextFormat(await response.text())) {
    for (const sample of family.metrics) {
      const labels = Object.entries(sample.labels ?? {})
        .filter(([key]) => !key.startsWith('otel_scope_'))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => `${key}=${value}`)
        .join(',');
      values.set(`${family.name}{${labels}}`, Number(sample.value));
    }
  }
  return values;
}

/** Writes an NDJSON file of one successful `DeleteModelInvocationLoggingConfiguration` (a finding of `aws-bedrock-logging-deletion`). */
export async function writeLoggingDeletion(dir: string, seed: string): Promise<void> {
  const record = cloudTrailRecord({ time: '2026-11-20T10:30:00Z', action: 'DeleteModelInvocationLoggingConfiguration', seed });
  await writeFile(join(dir, `${seed}.ndjson`), `${JSON.stringify(record)}\n`);
}

/** The run summary's numbers: events read per source, findings per detector, a sink's delivered and accepted. */
export function summaryNumbers(stderr: string): { read: Record<string, number>; findings: Record<string, number>; sinks: Record<string, { delivered: number; accepted: number }> } {
  const read = Object.fromEntries([...(/ {2}read: {5}(.*)/.exec(stderr)?.[1] ?? '').matchAll(/(\S+) (\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
  const findings = Object.fromEntries([...(/ {2}findings: (.*)/.exec(stderr)?.[1] ?? '').matchAll(/([\w/-]+) (\d+)/g)].map((m) => [m[1]!, Number(m[2])]));
  const sinks = Object.fromEntries(
    [...stderr.matchAll(/ {2}sink (\S+): delivered (\d+),.*\(accepted (\d+)\)/g)].map((m) => [m[1]!, { delivered: Number(m[2]), accepted: Number(m[3]) }]),
  );
  return { read, findings, sinks };
}

import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './run-cli.ts';

/** Copies the quickstart sample logs into a fresh temp dir and returns that dir (logs under `logs/`). */
export async function copyQuickstartLogs(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jackwatch-e2e-'));
  await cp(join(REPO_ROOT, 'examples/quickstart/logs'), join(dir, 'logs'), { recursive: true });
  return dir;
}

/** The reference config, reading `logsDir`, every Bedrock rule, JSON on stdout. */
export function allRulesConfig(logsDir: string): string {
  return `sources:
  file:
    paths: [${JSON.stringify(logsDir)}]
detectors:
  aws-bedrock-enum-then-invoke-long-term-key: {}
  aws-bedrock-logging-deletion: {}
  aws-bedrock-logging-deletion-non-admin: {}
  aws-bedrock-list-models-failures: {}
sinks:
  stdout:
    format: json
pipelines:
  default:
    sources: [file]
    detectors: [aws-bedrock-enum-then-invoke-long-term-key, aws-bedrock-logging-deletion, aws-bedrock-logging-deletion-non-admin, aws-bedrock-list-models-failures]
    sinks: [stdout]
`;
}

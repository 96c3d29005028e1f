import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** The version of `@jackwatch/sinks` (from its package.json, found from both `src/` and `dist/`). */
export function sinksVersion(): string {
  if (cached === undefined) {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version?: string };
    cached = manifest.version ?? '0.0.0';
  }
  return cached;
}

/** The `User-Agent` of jackwatch's HTTP requests. */
export function sinksUserAgent(): string {
  return `jackwatch/${sinksVersion()}`;
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiReports } from './api-report.ts';

// `npm run api:update`: rewrites api/*.api.md after a deliberate change to a package's public surface.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
mkdirSync(join(root, 'api'), { recursive: true });
for (const [file, text] of apiReports(root)) writeFileSync(join(root, 'api', file), text);
process.stdout.write(`api reports written to ${join(root, 'api')}\n`);

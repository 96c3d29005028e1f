import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAgent } from './sea/bundle.ts';
import { buildSingleExecutable } from './sea/single-executable.ts';

// `npm run package` (after `npm run build`): dist/sea/jackwatch, the agent as one executable file.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'dist/sea');
await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const bundle = await bundleAgent(root, outDir);
for (const warning of bundle.warnings) process.stderr.write(`esbuild: ${warning.location?.file ?? ''}: ${warning.text}\n`);
const executable = await buildSingleExecutable(bundle, outDir);
process.stdout.write(`${relative(process.cwd(), executable)}: the jackwatch agent as a single executable (${process.platform}-${process.arch}, Node ${process.versions.node})\n`);

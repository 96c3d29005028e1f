import { execFile } from 'node:child_process';
import { chmod, copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DECODE_WORKER_ASSET } from './banner.ts';
import type { AgentBundle } from './bundle.ts';

const run = promisify(execFile);

/** The sentinel Node's SEA loader looks for; postject flips it once the blob is injected. */
const SEA_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

/**
 * Makes a Node single executable application out of `bundle` with the Node
 * binary at `node` (the one running this script: Node 24, which takes a
 * CommonJS main script only): writes the SEA config and its preparation blob
 * (`--experimental-sea-config`), copies the binary and injects the blob with
 * postject. The decode worker travels as the asset {@link DECODE_WORKER_ASSET}.
 * Returns the executable's path.
 */
export async function buildSingleExecutable(bundle: AgentBundle, outDir: string, node = process.execPath): Promise<string> {
  const config = join(outDir, 'sea-config.json');
  const blob = join(outDir, 'jackwatch.blob');
  const executable = join(outDir, process.platform === 'win32' ? 'jackwatch.exe' : 'jackwatch');
  await writeFile(config, `${JSON.stringify({ main: bundle.main, output: blob, disableExperimentalSEAWarning: true, useCodeCache: false, assets: { [DECODE_WORKER_ASSET]: bundle.worker } }, null, 2)}\n`);
  await run(node, ['--experimental-sea-config', config], { cwd: outDir });
  await copyFile(node, executable);
  await chmod(executable, 0o755);
  const postject = ['postject', executable, 'NODE_SEA_BLOB', blob, '--sentinel-fuse', SEA_FUSE, ...(process.platform === 'darwin' ? ['--macho-segment-name', 'NODE_SEA'] : [])];
  await run('npx', ['--no-install', ...postject], { maxBuffer: 16 * 1024 * 1024 });
  return executable;
}

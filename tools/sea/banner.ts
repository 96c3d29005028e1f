import { MODULE_URL } from './commonjs-plugin.ts';

/** The SEA asset that holds the bundled decode worker, and the file name it is given on disk. */
export const DECODE_WORKER_ASSET = 'decode-worker.js';

/**
 * The banner of the agent's CommonJS bundle. It defines what `import.meta.url`
 * stands for: the bundle's own file when run with `node`, where the decode
 * worker bundle sits next to it. In a single executable, nothing sits next
 * to it, so the worker (a SEA asset) is written to a fresh private temporary
 * directory (mode 0700, removed at exit) and the URL points there; the file
 * source's `workers` start from it. When that directory cannot be made (no
 * writable temporary directory), the workers fail to start and the file
 * source decodes on the main thread, with a warning.
 */
export const BUNDLE_BANNER = `var ${MODULE_URL} = (() => {
  const { join } = require('node:path');
  const { pathToFileURL } = require('node:url');
  const sea = require('node:sea');
  if (!sea.isSea()) return pathToFileURL(__filename).href;
  const fs = require('node:fs');
  try {
    const dir = fs.mkdtempSync(join(require('node:os').tmpdir(), 'jackwatch-'));
    process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    fs.writeFileSync(join(dir, ${JSON.stringify(DECODE_WORKER_ASSET)}), sea.getAsset(${JSON.stringify(DECODE_WORKER_ASSET)}, 'utf8'), { mode: 0o600 });
    return pathToFileURL(join(dir, 'jackwatch.cjs')).href;
  } catch {
    return pathToFileURL(process.execPath).href;
  }
})();`;

/** The banner of the decode worker's bundle: `import.meta.url` is its own file. */
export const WORKER_BANNER = `var ${MODULE_URL} = require('node:url').pathToFileURL(__filename).href;`;

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build, type BuildOptions, type Message } from 'esbuild';
import { BUNDLE_BANNER, DECODE_WORKER_ASSET, WORKER_BANNER } from './banner.ts';
import { commonJsPlugin, MODULE_URL } from './commonjs-plugin.ts';

/** The two files the agent is bundled into. */
export interface AgentBundle {
  /** The CLI with every dependency: the executable's main script. */
  readonly main: string;
  /** The file source's decode worker thread, with its dependencies. */
  readonly worker: string;
  /** What esbuild warned about (an `import.meta` it could not place, a `require` it could not follow, …). */
  readonly warnings: readonly Message[];
}

/**
 * Bundles the built agent (`packages/agent/dist/cli.js`, run `npm run build`
 * first) into one CommonJS file in `outDir`, and the decode worker into
 * another beside it. The built JavaScript is bundled, not the TypeScript
 * sources, so the bundle runs what `npm install` would.
 */
export async function bundleAgent(root: string, outDir: string): Promise<AgentBundle> {
  const entry = join(root, 'packages/agent/dist/cli.js');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node24',
    format: 'cjs',
    define: { 'import.meta.url': MODULE_URL },
    legalComments: 'linked',
    logLevel: 'silent',
  };
  const main = join(outDir, 'jackwatch.cjs');
  const worker = join(outDir, DECODE_WORKER_ASSET);
  const built = await Promise.all([
    build({ ...common, entryPoints: [entry], outfile: main, banner: { js: BUNDLE_BANNER }, plugins: [commonJsPlugin(entry)] }),
    build({ ...common, entryPoints: [join(root, 'packages/sources/dist/internal/decode-worker.js')], outfile: worker, banner: { js: WORKER_BANNER }, plugins: [commonJsPlugin(entry)] }),
  ]);
  for (const file of [main, worker]) assertNothingLoadedAtRunTime(file, await readFile(file, 'utf8'));
  // Run with `node`, the bundles sit in the repository, whose package.json says ESM: these are CommonJS.
  await writeFile(join(outDir, 'package.json'), '{ "type": "commonjs" }\n');
  return { main, worker, warnings: built.flatMap((result) => result.warnings) };
}

// A `require` made from the module's own URL loads a file from disk when it runs: in a single executable there is none.
const RUNTIME_REQUIRE = new RegExp(`createRequire\\)?\\(${MODULE_URL}\\)`);

/** Fails the build when a bundled module still makes a `require` of its own at run time (a dependency esbuild did not bundle). */
function assertNothingLoadedAtRunTime(file: string, text: string): void {
  const at = text.search(RUNTIME_REQUIRE);
  if (at === -1) return;
  const line = text.slice(0, at).split('\n').length;
  throw new Error(`${file}:${line}: a bundled module loads code with createRequire(import.meta.url) at run time, which a single executable cannot serve; make it a plain require in tools/sea/commonjs-plugin.ts`);
}

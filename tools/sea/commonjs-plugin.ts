import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

/**
 * The identifier `import.meta.url` is replaced with in a CommonJS bundle; the
 * bundle's banner ({@link moduleUrlBanner}) defines it.
 */
export const MODULE_URL = '__jackwatchModuleUrl';

// `createRequire(import.meta.url)('../package.json')`: a JSON file next to the module, bundled instead.
const CREATE_REQUIRE = /createRequire\(import\.meta\.url\)\((['"])([^'"]+\.json)\1\)/g;
// `readFileSync(new URL('../../package.json', import.meta.url), 'utf8')`: the same, read as text.
const READ_JSON = /readFileSync\(new URL\((['"])([^'"]+\.json)\1, import\.meta\.url\), 'utf8'\)/g;
// Rolldown-built ESM (e.g. @opentelemetry/otlp-grpc-exporter-base) loads some dependencies lazily with
// `__require("x")`, its runtime's `createRequire(import.meta.url)`: esbuild cannot follow that, plain `require` it can.
const ROLLDOWN_REQUIRE_IMPORT = /import\s*\{[^}]*\b__require\b[^}]*\}\s*from\s*["'][^"']*_rolldown\/runtime\.mjs["']/;
const ROLLDOWN_REQUIRE_CALL = /\b__require\((["'][^"']+["'])\)/g;
// The CLI entry ends with `await program.parseAsync(…)`: CommonJS has no top-level await.
const IMPORT_LINE = /^(#!.*|import\s.*;|\/\/.*|\s*)$/;

/**
 * Makes jackwatch's built ESM (`packages/<name>/dist`) bundle as CommonJS, the
 * only format a Node 24 single executable runs:
 * - JSON files a module reads relative to itself (its `package.json`, for the
 *   version) are bundled with `require`, as nothing sits next to an executable;
 * - the body of `entry` after its imports runs in an async function, in place
 *   of top-level await (a rejection still ends the process with exit code 1);
 * - dependencies built by rolldown that `require` a package lazily through
 *   `createRequire(import.meta.url)` (the OTLP gRPC exporter and
 *   `@grpc/grpc-js`) get a plain `require`, which esbuild bundles: from a
 *   single executable there is no `node_modules` to load it from.
 *
 * Every other `import.meta.url` becomes {@link MODULE_URL} through esbuild's
 * `define`.
 */
export function commonJsPlugin(entry: string): Plugin {
  return {
    name: 'jackwatch-commonjs',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, async (args) => {
        let text = (await readFile(args.path, 'utf8')).replace(CREATE_REQUIRE, 'require($1$2$1)').replace(READ_JSON, 'JSON.stringify(require($1$2$1))');
        if (args.path === entry) text = wrapTopLevel(text);
        return { contents: text, loader: 'js' };
      });
      build.onLoad({ filter: /[\\/]node_modules[\\/].*\.m?js$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!ROLLDOWN_REQUIRE_IMPORT.test(text)) return undefined;
        return { contents: text.replace(ROLLDOWN_REQUIRE_CALL, 'require($1)'), loader: 'js' };
      });
    },
  };
}

function wrapTopLevel(text: string): string {
  const lines = text.split('\n');
  const body = lines.findIndex((line) => !IMPORT_LINE.test(line));
  if (body === -1) return text;
  return [...lines.slice(0, body), 'void (async () => {', ...lines.slice(body), '})();', ''].join('\n');
}

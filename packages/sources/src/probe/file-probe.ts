import { probeCheck, type ComponentContext, type ProbeOptions, type ProbeResult } from '@jackwatch/core';
import type { FileSourceConfig } from '../file/config.ts';
import { resolvePathRoots } from '../file/path-roots.ts';

/**
 * The `probe` of the `file` source: each entry of `paths` exists and can be
 * read — a file, a directory, or a glob whose leading directory exists —
 * checked as the source checks them at start. Opens no file.
 */
export async function probeFileSource(config: FileSourceConfig, context: ComponentContext, options: ProbeOptions): Promise<ProbeResult[]> {
  const results: ProbeResult[] = [];
  for (const entry of config.paths) {
    results.push(
      await probeCheck(
        `path ${entry}`,
        options.timeoutMs,
        async () => {
          const [root] = await resolvePathRoots([entry], context.baseDir, context.id).catch((error: unknown) => {
            // resolvePathRoots names the component and entry; the check line already does.
            throw new Error(String(error instanceof Error ? error.message : error).replace(`${context.id}: paths[0] "${entry}" `, ''));
          });
          if (root === undefined) return 'readable';
          return root.kind === 'glob' ? `its directory ${root.path} is readable` : `readable ${root.kind} ${root.path}`;
        },
        options.signal,
      ),
    );
  }
  return results;
}

import type { ConfigIssue } from './config-issue.ts';
import type { PipelineConfig } from './jackwatch-config.ts';

/**
 * The problem when two detector entries of `pipeline` would run a detector
 * of the same id — a pack and one of its rules listed on its own, two Sigma
 * entries loading the same rule — which would report every finding of it
 * twice; `undefined` when each runs once. `membersOf(entry)` gives the ids an
 * entry runs: its own id, or its members' for an entry that runs several.
 */
export function repeatedDetectorIssue(file: string | undefined, pipeline: PipelineConfig, membersOf: (entry: string) => readonly string[]): ConfigIssue | undefined {
  const runBy = new Map<string, string>();
  for (const [index, entry] of pipeline.detectors.entries()) {
    for (const id of membersOf(entry)) {
      const other = runBy.get(id);
      if (other !== undefined) {
        const message = `detectors ${other} and ${entry} both run "${id}", which would report each of its findings twice; list it once`;
        return { file, path: ['pipelines', pipeline.id, 'detectors', index], line: undefined, column: undefined, message };
      }
      runBy.set(id, entry);
    }
  }
  return undefined;
}

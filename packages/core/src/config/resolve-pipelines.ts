import type { ConfigPath } from './config-path.ts';
import { didYouMean } from './did-you-mean.ts';
import type { IssueCollector } from './issue-collector.ts';
import type { PipelineConfig } from './jackwatch-config.ts';
import { pipelineSchema } from './pipeline-schema.ts';
import type { SecretIndex } from './secret-index.ts';
import { validateWithSchema } from './validate-with-schema.ts';

/** The lists of a pipeline, each naming ids of the section of the same name. */
export const PIPELINE_LISTS = [
  { list: 'sources', kind: 'source' },
  { list: 'processors', kind: 'processor' },
  { list: 'detectors', kind: 'detector' },
  { list: 'sinks', kind: 'sink' },
] as const;

/** The ids defined in each component section (valid or not), by section name. */
export type DefinedIds = Readonly<Record<(typeof PIPELINE_LISTS)[number]['list'], readonly string[]>>;

/**
 * Validates every pipeline and checks that each id it lists is defined in
 * the matching section (with "did you mean" from the ids defined there),
 * and is listed once. Then warns about each component no pipeline uses.
 */
export function resolvePipelines(
  pipelines: Readonly<Record<string, unknown>>,
  defined: DefinedIds,
  { issues, secrets }: { readonly issues: IssueCollector; readonly secrets: SecretIndex },
): Map<string, PipelineConfig> {
  const resolved = new Map<string, PipelineConfig>();
  const definedSets: Readonly<Record<keyof DefinedIds, ReadonlySet<string>>> = {
    sources: new Set(defined.sources),
    processors: new Set(defined.processors),
    detectors: new Set(defined.detectors),
    sinks: new Set(defined.sinks),
  };
  for (const [id, value] of Object.entries(pipelines)) {
    const path: ConfigPath = ['pipelines', id];
    const result = validateWithSchema(pipelineSchema, value, { path, issues, secrets, owner: 'the pipeline schema' });
    if (!result.ok) continue;
    const pipeline = result.value;
    let valid = true;
    for (const { list, kind } of PIPELINE_LISTS) {
      const listed = new Set<string>();
      pipeline[list].forEach((ref, index) => {
        const refPath = [...path, list, index];
        if (listed.has(ref)) {
          issues.error(refPath, `${kind} "${ref}" is listed twice`);
          valid = false;
        } else if (!definedSets[list].has(ref)) {
          // A suggestion compares the id with every defined one: only for the errors that get listed.
          const hint = issues.listIsFull ? '' : didYouMean(ref, defined[list]);
          const where = defined[list].length === 0 ? `"${list}" defines none` : `it is not defined in "${list}"${hint}`;
          issues.error(refPath, `unknown ${kind} "${ref}": ${where}`);
          valid = false;
        }
        listed.add(ref);
      });
    }
    if (!valid) continue;
    resolved.set(id, {
      id,
      sources: pipeline.sources,
      processors: pipeline.processors,
      detectors: pipeline.detectors,
      sinks: pipeline.sinks,
      allowedLateness: pipeline.allowedLateness,
      ordering: pipeline.ordering === undefined ? undefined : { lateness: pipeline.ordering.lateness ?? pipeline.allowedLateness },
      evidence: pipeline.evidence,
    });
  }
  warnUnused(pipelines, defined, issues);
  return resolved;
}

function warnUnused(pipelines: Readonly<Record<string, unknown>>, defined: DefinedIds, issues: IssueCollector): void {
  const used = new Set<string>();
  for (const pipeline of Object.values(pipelines)) {
    if (pipeline === null || typeof pipeline !== 'object') continue;
    for (const { list, kind } of PIPELINE_LISTS) {
      const refs: unknown = (pipeline as Record<string, unknown>)[list];
      if (Array.isArray(refs)) for (const ref of refs) used.add(`${kind}:${String(ref)}`);
    }
  }
  for (const { list, kind } of PIPELINE_LISTS) {
    for (const id of defined[list]) {
      if (!used.has(`${kind}:${id}`)) issues.warning([list, id], `${kind} "${id}" is defined but no pipeline uses it`, 'key');
    }
  }
}
